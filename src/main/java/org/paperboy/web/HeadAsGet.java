package org.paperboy.web;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HEAD answers exactly as GET would, status and headers, without the body. Javalin alone answers
 * a HEAD for any path that has a GET route with an empty 200 text/plain, even where the GET is a
 * 404 or 403; so the routes see a GET, and Jetty, which knows the request was a HEAD, drops the body.
 */
public final class HeadAsGet extends Handler.Wrapper {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.HEAD.is(request.getMethod())) return super.handle(request, response, callback);
        Request asGet = new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.asString();
            }
        };
        return super.handle(asGet, response, callback);
    }
}
