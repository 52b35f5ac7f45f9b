namespace Minsheng.Tests.Infrastructure;

/// <summary>TestCounty (compiled in from the API tests) creates its accounts with this password.</summary>
public static class TestApp
{
    public const string Password = Minsheng.Browser.Tests.Infrastructure.BrowserApp.Password;
}
