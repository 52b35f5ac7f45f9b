using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Minsheng.Tests.Security;

/// <summary>A route to fuzz: its template, the methods it answers and the query parameters it reads.</summary>
public sealed record FuzzRoute(string Template, string[] Methods, string[] Query, string[] Handlers, bool Page);

/// <summary>One malformed request, described well enough to replay it from the failure message.</summary>
public sealed record FuzzRequest(string Method, string Url, string? ContentType, byte[]? Body, bool WithCsrf)
{
    public override string ToString() =>
        $"{Method} {Url} [{ContentType ?? "no content type"}] {(Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)))}";
}

/// <summary>
/// Generates malformed requests deterministically from a seed: every route of the OpenAPI document and every Razor page,
/// with wrong methods, broken JSON, wrong types, huge strings, out-of-range numbers, bad dates, odd content types and
/// charsets, broken query strings, overflowing path ids and unicode junk.
/// </summary>
public sealed class FuzzRequests(IReadOnlyList<FuzzRoute> routes, IReadOnlyList<string> fields, int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "G E T"];

    private static readonly string[] PathValues =
    [
        "1", "2", "0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "99999999999999999999999999999",
        "2147483648", "abc", "1.5", "1e9", "NaN", "%00", "%20", "%E4%B8%AD%E6%96%87", "%F0%9F%92%A9", "..%2F..%2Fetc", "%C0%AF",
        "%FF%FE", "%", "%2", new string('9', 400), new string('a', 3000), "2026-02-30", "2026-13-45", "0000-00-00", "9999-12-31",
        "20261116000001", "202611160001", "2026111610000", "null", "true", "'%3B--", "%3Cscript%3E", "%E2%80%AE", "%EF%BF%BF",
    ];

    private static readonly string[] Scalars =
    [
        "\"\"", "\" \"", "0", "-1", "1", "-2147483649", "2147483648", "9223372036854775808", "1e308", "-1e308", "1.5", "NaN",
        "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "\"2026-02-30\"", "\"2026-11-16T25:61:00Z\"",
        "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59+14:00\"", "\"-1\"", "\"1e9\"", "\"NaN\"", "\"Complaint\"", "\"Nope\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\u202e反转\"", "\"💩💩💩\"", "\"<script>alert(1)</script>\"", "\"'; drop table appeals;--\"",
        "\"13812345678\"", "\"20261116000001\"", "\"Hotline12345\"", "\"Consultation\"", "\"Satisfied\"",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=foo", "application/json; charset=\"\"",
        "application/json; charset=utf-16", "application/json; charset=utf-7", "application/json; charset=latin1", "application/json;;;",
        "text/plain", "text/json", "application/xml", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=foo",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz", "application/octet-stream",
        "garbage", "application/*", "*/*; q=x", "application/json; boundary=\"", "text/html; charset=x-unknown-e",
    ];

    private static readonly string[] QueryKeys =
    [
        "page", "pageSize", "size", "p", "q", "status", "unitId", "categoryId", "channel", "type", "tier", "from", "to", "year",
        "unread", "code", "limit", "appealId", "tab", "handler", "kind", "returnUrl", "number", "id", "directAnswers", "includeInactive",
    ];

    public FuzzRequest Next(bool withCsrf)
    {
        var route = routes[_random.Next(routes.Count)];
        var method = _random.NextDouble() < 0.7 ? route.Methods[_random.Next(route.Methods.Length)] : Pick(Methods);
        var url = Path(route.Template) + Query(route);
        if (method is "GET" or "HEAD" or "OPTIONS" or "TRACE" && _random.NextDouble() < 0.85) return new(method, url, null, null, false);
        if (route.Page || _random.NextDouble() < 0.15)
        {
            var (type, form) = Form(route);
            return new(method, url, type, form, withCsrf && route.Page && _random.NextDouble() < 0.8);
        }
        return new(method, url, _random.NextDouble() < 0.6 ? "application/json" : Pick(ContentTypes), Json(), false);
    }

    private string Path(string template)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { sb.Append(template, i, template.Length - i); break; }
            sb.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var parameter = template[(open + 1)..close];
            // Mostly junk; sometimes a plausible id so requests reach the handlers behind the route constraints.
            sb.Append(_random.NextDouble() < 0.3 ? _random.Next(1, 40).ToString() : parameter.EndsWith('?') && _random.NextDouble() < 0.2 ? "" : Pick(PathValues));
            i = close + 1;
        }
        if (_random.NextDouble() < 0.05) sb.Append(Pick(["/", "//", "/..", "/%2e%2e/", ";x=1", "/extra"]));
        return sb.ToString().Replace("//", "/") is { Length: > 0 } p && p[0] == '/' ? p : "/" + sb;
    }

    private string Query(FuzzRoute route)
    {
        var parts = new List<string>();
        var n = _random.Next(0, 4);
        for (var k = 0; k < n; k++)
        {
            var key = route.Query.Length > 0 && _random.NextDouble() < 0.6 ? Pick(route.Query) : Pick(QueryKeys);
            if (key == "handler" && route.Handlers.Length > 0 && _random.NextDouble() < 0.7) { parts.Add("handler=" + Pick(route.Handlers)); continue; }
            parts.Add($"{key}={QueryValue()}");
        }
        if (route.Page && route.Handlers.Length > 0 && _random.NextDouble() < 0.4) parts.Add("handler=" + Pick(route.Handlers));
        if (_random.NextDouble() < 0.05) parts.Add(Pick(["%", "%%", "a=%E0%A4%A", "=", "&&&", "a[]=1&a[]=2", "page=1&page=2", new string('x', 5000) + "=1"]));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private string QueryValue() => _random.Next(8) switch
    {
        0 => _random.Next(-5, 50).ToString(),
        1 => Pick(["2026-11-16", "2026-02-30", "2026-13-01", "0001-01-01", "9999-12-31", "2026-11-16T08:00:00+08:00", "yesterday", "1/2/2026"]),
        2 => Pick(["true", "false", "yes", "1", "0", ""]),
        3 => Pick(["Closed", "Complaint", "Timely", "Hotline12345", "Nope", "closed", "7", "-1"]),
        4 => Uri.EscapeDataString(Junk()),
        _ => Pick(PathValues),
    };

    private byte[] Json()
    {
        var text = _random.Next(10) switch
        {
            0 => Pick(["", "{", "[", "}", "{\"a\":", "{\"a\":1,}", "{'a':1}", "nul", "\"unterminated", "{\"a\":1}{\"b\":2}", "\u0000", "﻿{}"]),
            1 => new string('[', 2000) + new string(']', 2000),
            2 => Pick(Scalars),
            3 => "{}",
            _ => Object(),
        };
        return _random.NextDouble() < 0.1 ? Encoding.Unicode.GetBytes(text) : Encoding.UTF8.GetBytes(text);
    }

    private string Object()
    {
        var n = _random.Next(1, 8);
        var props = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var name = fields.Count > 0 && _random.NextDouble() < 0.85 ? Pick(fields) : Junk();
            props.Add($"{JsonValue.Create(name)!.ToJsonString()}:{Value(0)}");
        }
        return "{" + string.Join(",", props) + "}";
    }

    private string Value(int depth) => _random.Next(10) switch
    {
        0 when depth < 3 => "[" + string.Join(",", Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(depth + 1))) + "]",
        1 when depth < 3 => "{\"x\":" + Value(depth + 1) + "}",
        2 => JsonValue.Create(Junk())!.ToJsonString(),
        3 => JsonValue.Create(new string('长', _random.Next(2001, 20000)))!.ToJsonString(),
        _ => Pick(Scalars),
    };

    private (string Type, byte[] Body) Form(FuzzRoute route)
    {
        var pairs = new List<string>();
        var n = _random.Next(0, 8);
        for (var k = 0; k < n; k++)
        {
            var name = _random.NextDouble() < 0.85 ? Pick(fields) : Junk();
            pairs.Add($"{Uri.EscapeDataString(name)}={FormValue()}");
        }
        if (_random.NextDouble() < 0.1) pairs.Add(Pick(["%", "a=%ZZ", "=&=", new string('y', 70000) + "=1"]));
        var body = Encoding.UTF8.GetBytes(string.Join("&", pairs));
        var type = _random.NextDouble() < 0.75 ? "application/x-www-form-urlencoded" : Pick(ContentTypes);
        return (type, body);
    }

    private string FormValue() => _random.Next(6) switch
    {
        0 => _random.Next(-3, 40).ToString(),
        1 => Uri.EscapeDataString(new string('字', _random.Next(100, 6000))),
        2 => Uri.EscapeDataString(Junk()),
        3 => Pick(["true", "false", "on", "Consultation", "Complaint", "Hotline12345", "Timely", "2026-02-30T25:00", "2026-11-20T10:00"]),
        _ => Pick(PathValues),
    };

    private string Junk() => _random.Next(6) switch
    {
        0 => "",
        1 => new string((char)_random.Next(0x4E00, 0x9FA5), _random.Next(1, 50)),
        2 => "\u202e\u0000\ud83d\ude00\ufeff" + (char)_random.Next(0xD800, 0xDFFF),
        3 => new string('a', _random.Next(300, 5000)),
        4 => "<>&\"'%;{}[]\\",
        _ => _random.Next().ToString("x"),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Every path and method of the OpenAPI document, with the query parameters it declares.</summary>
    public static IEnumerable<FuzzRoute> FromOpenApi(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var methods = item!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch").ToList();
            var query = methods.SelectMany(m => m.Value!["parameters"]?.AsArray() ?? [])
                .Where(p => p!["in"]?.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).Distinct().ToArray();
            yield return new FuzzRoute(path, methods.Select(m => m.Key.ToUpperInvariant()).ToArray(), query, [], Page: false);
        }
    }

    /// <summary>Every property name the OpenAPI schemas declare, so bodies carry the fields handlers read.</summary>
    public static IEnumerable<string> FieldsOf(JsonNode document) =>
        (document["components"]?["schemas"]?.AsObject() ?? [])
            .SelectMany(s => s.Value?["properties"]?.AsObject().Select(p => p.Key) ?? []).Distinct();

    /// <summary>Every Razor page of the app (from the compiled @page directives) with its handler names.</summary>
    public static IEnumerable<FuzzRoute> Pages(Assembly app)
    {
        foreach (var item in app.GetCustomAttributes<RazorCompiledItemAttribute>().Where(i => i.Kind == "mvc.1.0.razor-page"))
        {
            var id = item.Identifier; // "/Pages/Console/Index.cshtml"
            var folder = id["/Pages".Length..^".cshtml".Length];
            if (folder.EndsWith("/Index")) folder = folder[..^"/Index".Length];
            var template = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            var route = template is { Length: > 0 } t ? t.StartsWith('/') ? t : $"{folder}/{t}" : folder;
            var model = item.Type.GetProperty("Model")?.PropertyType;
            var handlers = model is null || !typeof(PageModel).IsAssignableFrom(model) ? [] : model.GetMethods()
                .Select(m => m.Name).Where(n => n.StartsWith("OnPost") || n.StartsWith("OnGet"))
                .Select(n => n.Replace("OnPost", "").Replace("OnGet", "").Replace("Async", "")).Where(n => n.Length > 0).Distinct().ToArray();
            yield return new FuzzRoute(route is { Length: > 0 } r ? r : "/", ["GET", "POST"], [], handlers, Page: true);
        }
    }

    /// <summary>The request as an HttpRequestMessage; a page form gets the antiforgery pair when asked for.</summary>
    public static HttpRequestMessage Message(FuzzRequest r, (string Cookie, string Token)? csrf)
    {
        var message = new HttpRequestMessage(new HttpMethod(r.Method.Replace(' ', '_')), r.Url);
        var body = r.Body;
        if (r.WithCsrf && csrf is { } pair && body is not null)
        {
            body = [.. body, .. Encoding.ASCII.GetBytes($"{(body.Length > 0 ? "&" : "")}__RequestVerificationToken={Uri.EscapeDataString(pair.Token)}")];
            message.Headers.TryAddWithoutValidation("Cookie", pair.Cookie);
        }
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            if (r.ContentType is { } type) message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        return message;
    }
}
