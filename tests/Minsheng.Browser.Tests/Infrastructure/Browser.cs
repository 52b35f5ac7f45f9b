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

    // Every helper below finds its element and reads or acts on it inside one PageWait, so a page replaced between
    // the two (a late navigation, an htmx swap) makes the step start over on the new page instead of failing. Tests
    // never hold a raw node: Find hands out a LiveElement, which does the same on each use.

    /// <summary>Waits until an element matches <paramref name="css"/>; the answer finds it again on every use.</summary>
    public LiveElement Find(string css) => Find(By.CssSelector(css));

    public LiveElement Find(By by)
    {
        Read(d => d.FindElement(by), by.ToString());
        return new LiveElement(this, d => d.FindElement(by), by.ToString());
    }

    /// <summary>The text of the first element matching <paramref name="css"/>.</summary>
    public string TextOf(string css) => TextOf(By.CssSelector(css));

    public string TextOf(By by) => Read(d => d.FindElement(by).Text, by.ToString());

    /// <summary>The texts of every element matching <paramref name="css"/>, read from one page.</summary>
    public IReadOnlyList<string> TextsOf(string css) => Read(d => d.FindElements(By.CssSelector(css)).Select(e => e.Text).ToList(), css);

    /// <summary>An attribute of the first element matching <paramref name="css"/> (null when absent).</summary>
    public string? AttributeOf(string css, string attribute) => AttributeOf(By.CssSelector(css), attribute);

    public string? AttributeOf(By by, string attribute) => Read(d => d.FindElement(by).GetAttribute(attribute), by.ToString());

    /// <summary>Whether the first element matching <paramref name="css"/> is shown.</summary>
    public bool IsShown(string css) => IsShown(By.CssSelector(css));

    public bool IsShown(By by) => Read(d => d.FindElement(by).Displayed, by.ToString());

    /// <summary>Whether the first element matching <paramref name="css"/> (a radio, a checkbox, an option) is selected.</summary>
    public bool IsSelected(string css) => Read(d => d.FindElement(By.CssSelector(css)).Selected, css);

    /// <summary>How many elements match <paramref name="css"/> now.</summary>
    public int Count(string css) => Read(d => d.FindElements(By.CssSelector(css)).Count, css);

    public bool Has(string css) => Count(css) > 0;

    /// <summary>An attribute of the focused element.</summary>
    public string? FocusedAttribute(string attribute) => Read(d => d.SwitchTo().ActiveElement().GetAttribute(attribute), "the focused element");

    /// <summary>
    /// One read of the page inside a wait, so a replaced node means "read again"; the first read that succeeds is
    /// the answer. A wait ends only on true or a non-null object, so the answer (which may be null or false)
    /// travels in a box. A read that never succeeds
    /// fails naming what was read and the page it was read on.
    /// </summary>
    internal T Read<T>(Func<IWebDriver, T> read, string what, int seconds = DefaultSeconds)
    {
        try { return Wait(seconds).Until(d => new Box<T>(read(d))).Value; }
        catch (WebDriverTimeoutException e) { throw new ShouldAssertException($"could not read {what} on {Driver.Url} within {seconds} s", e); }
    }

    private sealed record Box<T>(T Value);

    private static IWebElement? FirstVisible(ISearchContext d, By by) => d.FindElements(by).FirstOrDefault(e => e.Displayed);

    /// <summary>Types into the visible input named <paramref name="name"/>, replacing what was there.</summary>
    public void Fill(string name, string value) => Act(By.CssSelector($"[name='{name}']"), input =>
    {
        input.Clear();
        input.SendKeys(value);
    });

    /// <summary>Types <paramref name="keys"/> into the first visible element matching <paramref name="css"/>, after what is there.</summary>
    public void Type(string css, string keys) => Act(By.CssSelector(css), e => e.SendKeys(keys));

    /// <summary>Sends <paramref name="keys"/> to the focused element (keyboard-only use of a form).</summary>
    public void TypeIntoFocused(string keys) => WaitUntil(d => { d.SwitchTo().ActiveElement().SendKeys(keys); return true; }, "typing into the focused element");

    /// <summary>
    /// Chooses the option whose text contains <paramref name="text"/> in the select named <paramref name="name"/>;
    /// waits for the option when a script is still filling the list.
    /// </summary>
    public void Select(string name, string text) => Act(By.CssSelector($"select[name='{name}']"), select =>
        select.FindElements(By.TagName("option")).First(o => o.Text.Contains(text)).Click(),
        select => select.FindElements(By.TagName("option")).Any(o => o.Text.Contains(text)));

    public void Check(string css) => Act(By.CssSelector(css), e => { if (!e.Selected) e.Click(); });

    /// <summary>Clicks the first visible element matching <paramref name="css"/>.</summary>
    public void ClickOn(string css) => ClickOn(By.CssSelector(css));

    public void ClickOn(By by) => Act(by, e => e.Click());

    /// <summary>Clicks the button, link or summary whose text is exactly <paramref name="text"/> (the visible Chinese label).</summary>
    public void Click(string text) => ClickOn(By.XPath(Labelled("", text)));

    /// <summary>Clicks the button, link or summary labelled <paramref name="text"/> inside the element matching <paramref name="scopeCss"/>.</summary>
    public void ClickIn(string scopeCss, string text) => WaitUntil(d =>
    {
        var target = FirstVisible(d.FindElement(By.CssSelector(scopeCss)), By.XPath(Labelled(".", text)));
        target?.Click();
        return target is not null;
    }, $"a visible “{text}” in {scopeCss} to click");

    private static string Labelled(string from, string text) =>
        string.Join(" | ", new[] { "button", "a", "summary" }.Select(tag => $"{from}//{tag}[normalize-space()='{text}']"));

    /// <summary>Accepts the confirm() a form shows before an irreversible step, once it is up.</summary>
    public void AcceptConfirm()
    {
        try
        {
            var wait = new OpenQA.Selenium.Support.UI.WebDriverWait(Driver, TimeSpan.FromSeconds(DefaultSeconds));
            wait.IgnoreExceptionTypes(typeof(NoAlertPresentException));
            wait.Until(d => { d.SwitchTo().Alert().Accept(); return true; });
        }
        catch (WebDriverTimeoutException e) { throw new ShouldAssertException($"no confirmation came up on {Driver.Url}", e); }
    }

    /// <summary>Runs <paramref name="script"/> with the first element matching <paramref name="css"/> as arguments[0], found again if replaced.</summary>
    public object? RunOn(string css, string script, params object[] args) =>
        Read(d => new Box<object?>(((IJavaScriptExecutor)d).ExecuteScript(script, [d.FindElement(By.CssSelector(css)), .. args])), css).Value;

    /// <summary>Runs <paramref name="script"/> on the page as it is (retried if the page is being replaced).</summary>
    public object? Run(string script, params object[] args) =>
        Read(d => new Box<object?>(((IJavaScriptExecutor)d).ExecuteScript(script, args)), "a script").Value;

    /// <summary>
    /// Finds the first visible element of <paramref name="by"/> and acts on it in one wait; <paramref name="ready"/>
    /// may say the element is not usable yet (a list still loading).
    /// </summary>
    private void Act(By by, Action<IWebElement> action, Func<IWebElement, bool>? ready = null) => WaitUntil(d =>
    {
        var element = FirstVisible(d, by);
        if (element is null || (ready is not null && !ready(element))) return false;
        action(element);
        return true;
    }, $"a visible, ready {by}");

    /// <summary>The page's HTML as it is now (read again if the page is being replaced).</summary>
    public string Html => Read(d => d.PageSource, "the page source");

    /// <summary>The text of the whole page as it is now (read again if the page is being replaced).</summary>
    public string Text => Read(d => d.FindElement(By.TagName("body")).Text, "the page");

    /// <summary>Waits until the page shows <paramref name="text"/>; fails with the page text when it never does.</summary>
    public void WaitForText(string text, int seconds = DefaultSeconds) => WaitForTextIn("body", text, seconds);

    /// <summary>Waits until the element matching <paramref name="css"/> shows <paramref name="text"/>.</summary>
    public void WaitForTextIn(string css, string text, int seconds = DefaultSeconds)
    {
        try { Wait(seconds).Until(d => d.FindElement(By.CssSelector(css)).Text.Contains(text)); }
        catch (WebDriverTimeoutException) { throw new ShouldAssertException($"page {Driver.Url} never showed “{text}” in {css}; it shows:\n{Text}"); }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; a replaced node on the way counts as "not yet".</summary>
    public void WaitUntil(Func<IWebDriver, bool> condition, string what, int seconds = DefaultSeconds)
    {
        try { Wait(seconds).Until(condition); }
        catch (WebDriverTimeoutException) { throw new ShouldAssertException($"{what} never came true; at {Driver.Url}:\n{Text}"); }
    }

    /// <summary>Waits until the address bar's path is <paramref name="path"/>.</summary>
    public void WaitForPath(string path) => WaitUntil(d => new Uri(d.Url).AbsolutePath == path, $"path {path}");

    /// <summary>
    /// Generous on purpose: a page that is right only takes long on a loaded machine, and a wait that is too
    /// short is the flake this class exists to prevent. A wrong page still fails, only later.
    /// </summary>
    public const int DefaultSeconds = 20;

    /// <summary>A wait that treats a node of a replaced page as "not yet" (<see cref="PageWait"/>); the only wait the tests use.</summary>
    public PageWait Wait(int seconds = DefaultSeconds) => new(Driver, TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Does <paramref name="act"/> (a click or keys that send a form) and waits until the page it started on is gone,
    /// so what is read next is the answering page and not the one the navigation is replacing.
    /// </summary>
    public void AwaitNewPage(Action act, string what)
    {
        var old = Read(d => d.FindElement(By.TagName("html")), "the page");
        act();
        WaitUntil(d =>
        {
            try { return old.TagName is null; }
            catch (WebDriverException e) when (PageWait.IsReplacedNode(e)) { return true; }
        }, $"a new page after “{what}” (no form was sent)");
    }

    /// <summary>Forgets the session: the next page is seen as an anonymous visitor sees it.</summary>
    public void SignOut() => Driver.Manage().Cookies.DeleteAllCookies();

    public void SignIn(string username, string password = BrowserApp.Password)
    {
        SignOut();
        Open("/login");
        Fill("username", username);
        Fill("password", password);
        ClickOn("form button[type=submit]");
        WaitUntil(d => !new Uri(d.Url).AbsolutePath.StartsWith("/login"), $"signed in as {username}");
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
