package io.aperture.catalogue.model;

public enum AccessState { EMBARGOED, RELEASED, WITHDRAWN }
