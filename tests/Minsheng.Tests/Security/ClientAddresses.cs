using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// The in-memory test server has no client address; this test-only filter takes it from a header, so sign-ins
/// can come "from" different addresses. It runs before the app's own pipeline, as a connection would.
/// </summary>
public static class ClientAddresses
{
    private const string Header = "X-Test-Client-Address";

    public static void Add(IServiceCollection services) => services.AddTransient<IStartupFilter, Filter>();

    public static HttpClient From(this TestApp app, string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    /// <summary>A browser-like client at an address: keeps cookies.</summary>
    public static HttpClient BrowserFrom(this TestApp app, string address, out CookieContainer cookies)
    {
        var server = app.App.GetTestServer();
        cookies = new CookieContainer();
        var client = new HttpClient(new CookieJar(server.CreateHandler(), cookies)) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextStep) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var value)) http.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
                return nextStep(http);
            });
            next(app);
        };
    }
}

/// <summary>Keeps the cookies a response sets and sends them back, as a browser does.</summary>
public sealed class CookieJar(HttpMessageHandler inner, CookieContainer cookies) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
        request.RequestUri = uri;
        var header = cookies.GetCookieHeader(uri);
        if (header.Length > 0) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var c in set) cookies.SetCookies(uri, c);
        return response;
    }
}
