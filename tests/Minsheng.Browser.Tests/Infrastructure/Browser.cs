using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

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

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public bool Has(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    /// <summary>The first visible element matching <paramref name="css"/> (a page may hold closed forms with the same field names).</summary>
    public IWebElement Visible(string css) => Wait().Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed));

    /// <summary>Types into the visible input named <paramref name="name"/>, replacing what was there.</summary>
    public void Fill(string name, string value)
    {
        var input = Visible($"[name='{name}']");
        input.Clear();
        input.SendKeys(value);
    }

    /// <summary>Chooses the option whose text contains <paramref name="text"/> in the select named <paramref name="name"/>.</summary>
    public void Select(string name, string text) =>
        Visible($"select[name='{name}']").FindElements(By.TagName("option")).First(o => o.Text.Contains(text)).Click();

    public void Check(string css) { var e = Visible(css); if (!e.Selected) e.Click(); }

    /// <summary>Clicks the button or link whose text is exactly <paramref name="text"/> (the visible Chinese label).</summary>
    public void Click(string text) => Wait().Until(d =>
        d.FindElements(By.XPath($"//button[normalize-space()='{text}'] | //a[normalize-space()='{text}'] | //summary[normalize-space()='{text}']"))
            .FirstOrDefault(e => e.Displayed)).Click();

    public string Text => Driver.FindElement(By.TagName("body")).Text;

    /// <summary>Waits until the page shows <paramref name="text"/>; fails with the page text when it never does.</summary>
    public void WaitForText(string text, int seconds = 10)
    {
        try { Wait(seconds).Until(_ => Text.Contains(text)); }
        catch (WebDriverTimeoutException) { throw new ShouldAssertException($"page {Driver.Url} never showed “{text}”; it shows:\n{Text}"); }
    }

    public WebDriverWait Wait(int seconds = 10)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
        // The page may be replaced while a condition reads it (a form submit navigating away).
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        return wait;
    }

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
