using System.Collections.ObjectModel;
using System.Drawing;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>
/// An element named by how to find it rather than by a node: every read or action finds it again inside a
/// <see cref="PageWait"/>, so a node a navigation or an htmx swap replaced between finding and acting means
/// "find again", not a failed test. What <see cref="Browser.Find(string)"/> hands out.
/// </summary>
public sealed class LiveElement : IWebElement, IWrapsElement
{
    private readonly Browser _browser;
    private readonly Func<IWebDriver, IWebElement> _locate;
    private readonly string _name;

    internal LiveElement(Browser browser, Func<IWebDriver, IWebElement> locate, string name)
    {
        _browser = browser;
        _locate = locate;
        _name = name;
    }

    private T Read<T>(Func<IWebElement, T> read) => _browser.Read(d => read(_locate(d)), _name);

    private void Do(Action<IWebElement> action) => _browser.Read(d => { action(_locate(d)); return true; }, _name);

    public IWebElement WrappedElement => Read(e => e);
    public string TagName => Read(e => e.TagName);
    public string Text => Read(e => e.Text);
    public bool Enabled => Read(e => e.Enabled);
    public bool Selected => Read(e => e.Selected);
    public Point Location => Read(e => e.Location);
    public Size Size => Read(e => e.Size);
    public bool Displayed => Read(e => e.Displayed);

    public void Clear() => Do(e => e.Clear());
    public void SendKeys(string text) => Do(e => e.SendKeys(text));
    public void Submit() => Do(e => e.Submit());
    public void Click() => Do(e => e.Click());
    public string? GetAttribute(string attributeName) => Read(e => e.GetAttribute(attributeName));
    public string? GetDomAttribute(string attributeName) => Read(e => e.GetDomAttribute(attributeName));
    public string? GetDomProperty(string propertyName) => Read(e => e.GetDomProperty(propertyName));
    public string GetCssValue(string propertyName) => Read(e => e.GetCssValue(propertyName));
    public ISearchContext GetShadowRoot() => Read(e => e.GetShadowRoot());

    /// <summary>A child, itself found again (parent first) on every use.</summary>
    public IWebElement FindElement(By by) => new LiveElement(_browser, d => _locate(d).FindElement(by), $"{_name} {by}");

    public ReadOnlyCollection<IWebElement> FindElements(By by) => Read(e => e.FindElements(by));

    public override string ToString() => _name;
}
