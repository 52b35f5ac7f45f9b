using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Admin;

/// <summary>
/// A click that sends a form, then the text on the page that answers. Waiting for the old page to go first keeps
/// WaitForText from finding the expected text on the page the navigation is replacing.
/// </summary>
public static class BrowserSteps
{
    public static void Submit(this Infrastructure.Browser b, string button, string expectedText, bool confirm = false)
    {
        var old = b.Driver.FindElement(By.TagName("html"));
        b.Click(button);
        if (confirm) b.Driver.SwitchTo().Alert().Accept(); // the form asks before an irreversible step
        WaitForNewPage(b, old, button);
        b.WaitForText(expectedText);
    }

    /// <summary>Ctrl+Enter in the focused field, then the answering page's text.</summary>
    public static void SubmitWithKeys(this Infrastructure.Browser b, string keys, string expectedText)
    {
        var old = b.Driver.FindElement(By.TagName("html"));
        b.Driver.SwitchTo().ActiveElement().SendKeys(keys);
        WaitForNewPage(b, old, keys);
        b.WaitForText(expectedText);
    }

    private static void WaitForNewPage(Infrastructure.Browser b, IWebElement old, string action)
    {
        try
        {
            b.Wait().Until(d =>
            {
                try { _ = old.TagName; return false; }
                catch (WebDriverException e) when (Infrastructure.PageWait.IsReplacedNode(e)) { return true; }
            });
        }
        catch (WebDriverTimeoutException)
        {
            throw new ShouldAssertException($"“{action}” sent no form: {b.Driver.Url} still shows\n{b.Text}");
        }
    }
}
