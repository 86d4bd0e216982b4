package io.aperture.catalogue.model;

public enum MemberRole { PI, ALTERNATE_CONTACT, TEAM_MEMBER }
