package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.embargo.EmbargoActions;
import io.aperture.catalogue.embargo.EmbargoView;
import io.aperture.policy.workflow.Outcome;
import io.aperture.portal.forms.FormToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The PI's page: their proposals, each visit's embargo end, the extension window, pending requests, and the two
 * actions they may take. What the policy refuses is shown in its own words.
 */
@Path("/my/proposals")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MyProposalsPage {

    /** What a redirect after a successful action says on the page it lands on (post/redirect/get: a reload posts nothing). */
    enum Done {
        EXTENSION_REQUESTED("Your extension request was sent to the User Office."),
        RELEASED("The data is now open access.");

        final String message;

        Done(String message) {
            this.message = message;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(List<EmbargoActions.ProposalEmbargoes> proposals, String message,
                                                 boolean refused, Kept kept, int maxJustification, String user);

        static native TemplateInstance confirmRelease(EmbargoView embargo, String user);
    }

    /** A justification the page refused, shown again in its form so nothing typed is lost. */
    public record Kept(long embargo, String text) {}

    private final EmbargoActions actions;
    private final AccessControl access;
    private final FormToken formToken;

    MyProposalsPage(EmbargoActions actions, AccessControl access, FormToken formToken) {
        this.actions = actions;
        this.access = access;
        this.formToken = formToken;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        String message = Arrays.stream(Done.values()).filter(d -> d.name().equals(done)).map(d -> d.message).findFirst()
                .orElse(null);
        return render(message, false);
    }

    @POST
    @Path("/embargoes/{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestExtension(@PathParam("id") long id, String form) {
        // forms are read raw (FormToken.read): malformed encoding is a 400 naming the form, not the decoder's 500,
        // and a form without this browser's token is refused.
        // A browser sends a line break in a text area as CRLF and counts it as one character (maxlength): so does this
        String text = formToken.read(form).first("justification").map(j -> j.replace("\r\n", "\n")).orElse(null);
        if (text != null && text.length() > EmbargoActions.MAX_JUSTIFICATION) {
            return Response.status(Response.Status.BAD_REQUEST).entity(Templates.proposals(actions.myProposals(access.caller()),
                    "The justification has " + text.length() + " characters; at most " + EmbargoActions.MAX_JUSTIFICATION
                            + " are accepted. Please shorten it: your text is kept below.", true, new Kept(id, text),
                    EmbargoActions.MAX_JUSTIFICATION, user())).build();
        }
        return after(actions.requestExtension(access.caller(), id, Optional.ofNullable(text).filter(s -> !s.isBlank())),
                Done.EXTENSION_REQUESTED);
    }

    /**
     * Releasing opens the data for good, so the button only asks: this page says what will happen and offers the
     * confirming button (the form field {@code confirm=yes}), and only that releases.
     */
    @POST
    @Path("/embargoes/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response releaseEarly(@PathParam("id") long id, String form) {
        if (!formToken.read(form).first("confirm").equals(Optional.of("yes"))) {
            EmbargoView embargo = actions.viewFor(access.caller(), id).orElseThrow(NotFoundException::new);
            return Response.ok(Templates.confirmRelease(embargo, user())).build();
        }
        return after(actions.releaseEarly(access.caller(), id), Done.RELEASED);
    }

    private Response after(Optional<EmbargoActions.Result> result, Done done) {
        EmbargoActions.Result r = result.orElseThrow(NotFoundException::new);
        return switch (r.outcome()) {
            case Outcome.Accepted a -> Response.seeOther(URI.create("/my/proposals?done=" + done.name())).build();
            case Outcome.Refused refused -> Response.status(Response.Status.CONFLICT).entity(render(refused.message(), true)).build();
        };
    }

    private String user() {
        return access.caller().username().orElse(null);
    }

    private TemplateInstance render(String message, boolean refused) {
        return Templates.proposals(actions.myProposals(access.caller()), message, refused, null,
                EmbargoActions.MAX_JUSTIFICATION, user());
    }
}
