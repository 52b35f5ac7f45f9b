using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>
/// A wait whose condition may read a page that a navigation or an htmx swap is replacing. Such a read fails in
/// more than one way — Selenium's StaleElementReferenceException, or (Chromium on a busy machine) an
/// "unknown error" saying the node "does not belong to the document" or the execution context is gone — and
/// every one of them only means "not there yet", so the condition is asked again instead of failing the test.
/// <see cref="IsReplacedNode"/> is the one predicate for that; every helper of <see cref="Browser"/> and
/// <see cref="LiveElement"/> reads the page inside such a wait.
/// </summary>
public sealed class PageWait(IWebDriver driver, TimeSpan timeout)
{
    private readonly WebDriverWait _wait = Create(driver, timeout);

    private static WebDriverWait Create(IWebDriver driver, TimeSpan timeout)
    {
        var wait = new WebDriverWait(driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        // Not found yet is "not yet" too (an element a script or a page load is about to add).
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException));
        return wait;
    }

    /// <summary>Polls until <paramref name="condition"/> answers true or non-null; a replaced node counts as a "no".</summary>
    public T Until<T>(Func<IWebDriver, T> condition) => _wait.Until(d =>
    {
        try { return condition(d); }
        catch (Exception e) when (IsReplacedNode(e)) { return default!; }
    });

    /// <summary>True when <paramref name="e"/> says the element read belongs to a page that is gone or going.</summary>
    public static bool IsReplacedNode(Exception e) => e switch
    {
        StaleElementReferenceException => true,
        // chromedriver passes these DevTools errors through as "unknown error" or "javascript error" instead of
        // "stale element reference".
        WebDriverException w => ReplacedNodeMessages.Any(m => w.Message.Contains(m, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    private static readonly string[] ReplacedNodeMessages =
    [
        "does not belong to the document",
        "No node with given id found",
        "Node with given id",
        "Cannot find context with specified id",
        "no such execution context",
        "Execution context was destroyed",
        "Node is detached from document",
        "target frame detached",
        "Inspected target navigated or closed",
        "stale element",
    ];
}
