using System.Net;
using System.Text.RegularExpressions;

namespace Minsheng.Tests.Security;

/// <summary>Posts a staff page's form over plain HTTP as a browser would: with the antiforgery cookie and token the page handed out.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    public static async Task<HttpResponseMessage> PostForm(this HttpClient client, string page, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var get = await client.GetAsync(page);
        var html = await get.Content.ReadAsStringAsync();
        var cookie = get.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).First(v => v.StartsWith("minsheng-csrf="));
        var token = WebUtility.HtmlDecode(CsrfMeta().Match(html).Groups[1].Value);
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        message.Headers.Add("Cookie", cookie);
        return await client.SendAsync(message);
    }
}
