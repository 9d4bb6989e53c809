package org.paperboy.web;

/** A category filter chip: following {@code href} switches the category on or off. */
public record Chip(String category, int count, boolean active, String href) {}
