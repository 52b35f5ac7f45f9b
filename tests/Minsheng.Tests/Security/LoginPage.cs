using System.Net;
using System.Text.RegularExpressions;

namespace Minsheng.Tests.Security;

/// <summary>Signs in through the /login form as a browser does: GET for the antiforgery token, then POST.</summary>
public static partial class LoginPage
{
    public static async Task<string> FormTokenAsync(HttpClient browser, string path = "/login")
    {
        var html = await browser.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient browser, string username, string password)
    {
        var token = await FormTokenAsync(browser);
        token.ShouldNotBeEmpty();
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = username, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> PostAsync(HttpClient browser, string username, string password)
    {
        var response = await SendAsync(browser, username, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
