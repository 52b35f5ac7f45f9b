using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>
/// The one "replaced node" predicate, on the errors chromedriver really sends: the fresh-clone failure inside
/// WaitForText was the first of these, and a real fault must still fail the test.
/// </summary>
public sealed class PageWaitTests
{
    [Theory]
    [InlineData("unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"Node with given id does not belong to the document\"}")]
    [InlineData("unknown error: unhandled inspector error: {\"code\":-32000,\"message\":\"No node with given id found\"}")]
    [InlineData("unknown error: Cannot find context with specified id")]
    [InlineData("javascript error: Execution context was destroyed, most likely because of a navigation.")]
    [InlineData("unknown error: no such execution context")]
    public void A_node_of_a_page_being_replaced_means_not_yet(string message) =>
        PageWait.IsReplacedNode(new WebDriverException(message)).ShouldBeTrue();

    [Fact]
    public void A_stale_element_means_not_yet() =>
        PageWait.IsReplacedNode(new StaleElementReferenceException("stale element reference: stale element not found")).ShouldBeTrue();

    [Theory]
    [InlineData("element click intercepted: Element <button> is not clickable at point (10, 20)")]
    [InlineData("invalid selector: An invalid or illegal selector was specified")]
    [InlineData("disconnected: not connected to DevTools")]
    public void Other_driver_errors_still_fail(string message) =>
        PageWait.IsReplacedNode(new WebDriverException(message)).ShouldBeFalse();

    [Fact]
    public void Errors_outside_the_driver_still_fail() =>
        PageWait.IsReplacedNode(new InvalidOperationException("does not belong to the document")).ShouldBeFalse();
}
