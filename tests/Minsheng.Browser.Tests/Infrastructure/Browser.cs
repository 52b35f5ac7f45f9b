using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>
/// Headless Debian Chromium driven through chromedriver, with the flags stack.md lists (no background
/// networking on a machine without internet) and a fresh profile. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class Browser : IDisposable
{
    public ChromeDriver Driver { get; }
    private readonly string _profile = Path.Combine(Path.GetTempPath(), $"minsheng-chromium-{Guid.NewGuid():N}");
    private readonly string _baseUrl;

    public static string ScreenshotDir { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public Browser(string baseUrl, int width = 1366, int height = 900)
    {
        _baseUrl = baseUrl.TrimEnd('/');
        var options = new ChromeOptions { BinaryLocation = Environment.GetEnvironmentVariable("MINSHENG_CHROMIUM") ?? "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage", $"--user-data-dir={_profile}",
            $"--window-size={width},{height}", "--lang=zh-CN");
        // Console messages are kept so tests can see what the Content-Security-Policy refused.
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Environment.GetEnvironmentVariable("MINSHENG_CHROMEDRIVER") ?? "/usr/bin/chromedriver"));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public void Open(string path) => Driver.Navigate().GoToUrl(_baseUrl + path);

    public string Path_ => new Uri(Driver.Url).PathAndQuery;

    public IWebElement Find(string css) => Wait().Until(d => d.FindElement(By.CssSelector(css)));

    /// <summary>The text of the first element matching <paramref name="css"/>, read again if the page replaces it meanwhile.</summary>
    public string TextOf(string css) => Read(d => d.FindElement(By.CssSelector(css)).Text);

    /// <summary>An attribute of the first element matching <paramref name="css"/> (null when absent), read like <see cref="TextOf"/>.</summary>
    public string? AttributeOf(string css, string attribute) => Read(d => d.FindElement(By.CssSelector(css)).GetAttribute(attribute));

    /// <summary>Whether the first element matching <paramref name="css"/> is shown, read like <see cref="TextOf"/>.</summary>
    public bool IsShown(string css) => Read(d => d.FindElement(By.CssSelector(css)).Displayed);

    /// <summary>
    /// One read of the page inside a wait, so a replaced node means "read again". A wait ends only on true or a
    /// non-null object, so the answer (which may be null or false) travels in a box.
    /// </summary>
    private T Read<T>(Func<IWebDriver, T> read) => Wait().Until(d => new Box<T>(read(d))).Value;

    private sealed record Box<T>(T Value);

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public bool Has(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    /// <summary>The first visible element matching <paramref name="css"/> (a page may hold closed forms with the same field names).</summary>
    public IWebElement Visible(string css) => Wait().Until(d => FirstVisible(d, css))!;

    private static IWebElement? FirstVisible(ISearchContext d, string css) => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed);

    // Every step below finds its element and acts on it inside one wait, so a page replaced between the two
    // (a late navigation, an htmx swap) makes the step start over on the new page instead of failing.

    /// <summary>Types into the visible input named <paramref name="name"/>, replacing what was there.</summary>
    public void Fill(string name, string value) => Act($"[name='{name}']", input =>
    {
        input.Clear();
        input.SendKeys(value);
    });

    /// <summary>Chooses the option whose text contains <paramref name="text"/> in the select named <paramref name="name"/>.</summary>
    public void Select(string name, string text) => Act($"select[name='{name}']", select =>
        select.FindElements(By.TagName("option")).First(o => o.Text.Contains(text)).Click());

    public void Check(string css) => Act(css, e => { if (!e.Selected) e.Click(); });

    /// <summary>Clicks the button or link whose text is exactly <paramref name="text"/> (the visible Chinese label).</summary>
    public void Click(string text) => Wait().Until(d =>
    {
        var target = d.FindElements(By.XPath($"//button[normalize-space()='{text}'] | //a[normalize-space()='{text}'] | //summary[normalize-space()='{text}']"))
            .FirstOrDefault(e => e.Displayed);
        target?.Click();
        return target is not null;
    });

    private void Act(string css, Action<IWebElement> action) => Wait().Until(d =>
    {
        var element = FirstVisible(d, css);
        if (element is null) return false;
        action(element);
        return true;
    });

    /// <summary>The text of the whole page as it is now (read again if the page is being replaced).</summary>
    public string Text => Wait().Until(d => d.FindElement(By.TagName("body")).Text);

    /// <summary>Waits until the page shows <paramref name="text"/>; fails with the page text when it never does.</summary>
    public void WaitForText(string text, int seconds = 10)
    {
        try { Wait(seconds).Until(d => d.FindElement(By.TagName("body")).Text.Contains(text)); }
        catch (WebDriverTimeoutException) { throw new ShouldAssertException($"page {Driver.Url} never showed “{text}”; it shows:\n{Text}"); }
    }

    /// <summary>A wait that treats a node of a replaced page as "not yet" (<see cref="PageWait"/>); the only wait the tests use.</summary>
    public PageWait Wait(int seconds = 10) => new(Driver, TimeSpan.FromSeconds(seconds));

    public void SignIn(string username, string password = BrowserApp.Password)
    {
        Driver.Manage().Cookies.DeleteAllCookies();
        Open("/login");
        Fill("username", username);
        Fill("password", password);
        Find("form button[type=submit]").Click();
        Wait().Until(d => !new Uri(d.Url).AbsolutePath.StartsWith("/login"));
    }

    /// <summary>Console messages since the last call in which Chromium reports a Content-Security-Policy refusal.</summary>
    public IReadOnlyList<string> CspRefusals() =>
        Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => e.Message)
            .Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var file = System.IO.Path.Combine(ScreenshotDir, name + ".png");
        Driver.GetScreenshot().SaveAsFile(file);
        return file;
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir, "Minsheng.slnx"))) dir = System.IO.Path.GetDirectoryName(dir);
        return dir ?? Directory.GetCurrentDirectory();
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
