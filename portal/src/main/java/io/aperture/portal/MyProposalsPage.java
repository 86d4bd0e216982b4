package io.aperture.portal;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.embargo.EmbargoActions;
import io.aperture.policy.workflow.Outcome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;

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

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proposals(List<EmbargoActions.ProposalEmbargoes> proposals, String message,
                                                 boolean refused, String user);
    }

    private final EmbargoActions actions;
    private final AccessControl access;

    MyProposalsPage(EmbargoActions actions, AccessControl access) {
        this.actions = actions;
        this.access = access;
    }

    @GET
    public TemplateInstance page() {
        return render(null, false);
    }

    @POST
    @Path("/embargoes/{id}/extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance requestExtension(@PathParam("id") long id, @FormParam("justification") String justification) {
        return after(actions.requestExtension(access.caller(), id, Optional.ofNullable(justification).filter(s -> !s.isBlank())),
                "Your extension request was sent to the User Office.");
    }

    @POST
    @Path("/embargoes/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance releaseEarly(@PathParam("id") long id) {
        return after(actions.releaseEarly(access.caller(), id), "The data is now open access.");
    }

    private TemplateInstance after(Optional<EmbargoActions.Result> result, String success) {
        EmbargoActions.Result r = result.orElseThrow(NotFoundException::new);
        return switch (r.outcome()) {
            case Outcome.Accepted a -> render(success, false);
            case Outcome.Refused refused -> render(refused.message(), true);
        };
    }

    private TemplateInstance render(String message, boolean refused) {
        return Templates.proposals(actions.myProposals(access.caller()), message, refused, access.caller().username().orElse(null));
    }
}
