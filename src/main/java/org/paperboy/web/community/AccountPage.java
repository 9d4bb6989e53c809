package org.paperboy.web.community;

import java.util.List;
import org.paperboy.community.ApiTokenRepository;
import org.paperboy.community.User;
import org.paperboy.web.Meta;

/** The account page: verification state, password change, API tokens ({@code newToken} shown once). */
public record AccountPage(Meta meta, String csrf, User user, String error, String notice, String newToken,
                          List<ApiTokenRepository.TokenInfo> tokens) {}
