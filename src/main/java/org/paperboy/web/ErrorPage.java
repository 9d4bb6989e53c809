package org.paperboy.web;

/** The page shown for 4xx and 5xx answers to browsers. */
public record ErrorPage(Meta meta, int status, String message) {}
