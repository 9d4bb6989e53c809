package org.paperboy.web.community;

import org.paperboy.community.Comment;
import org.paperboy.web.Meta;

public record CommentEditPage(Meta meta, String csrf, Comment comment, String error, String draft) {}
