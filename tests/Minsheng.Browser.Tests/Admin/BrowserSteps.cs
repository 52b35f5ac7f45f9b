namespace Minsheng.Browser.Tests.Admin;

/// <summary>
/// A click that sends a form, then the text on the page that answers. Waiting for the old page to go first keeps
/// WaitForText from finding the expected text on the page the navigation is replacing.
/// </summary>
public static class BrowserSteps
{
    public static void Submit(this Infrastructure.Browser b, string button, string expectedText, bool confirm = false)
    {
        b.AwaitNewPage(() =>
        {
            b.Click(button);
            if (confirm) b.AcceptConfirm(); // the form asks before an irreversible step
        }, button);
        b.WaitForText(expectedText);
    }

    /// <summary>Keys (Ctrl+Enter) in the focused field, then the answering page's text.</summary>
    public static void SubmitWithKeys(this Infrastructure.Browser b, string keys, string expectedText)
    {
        b.AwaitNewPage(() => b.TypeIntoFocused(keys), keys);
        b.WaitForText(expectedText);
    }
}
