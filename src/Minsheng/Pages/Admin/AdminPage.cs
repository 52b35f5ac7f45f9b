using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Admin;

/// <summary>
/// Admin pages hold several small forms; an error must show next to the input of the form that was sent.
/// Such a form names its inputs with a prefix ("childName") and runs through <see cref="TryAsync(string, Func{Task})"/>,
/// which moves the API's field names ("name") onto it. The pages call the same use cases as the API, so a page and
/// an endpoint apply one rule.
/// </summary>
public abstract class AdminPage : AppPage
{
    protected async Task<bool> TryAsync(string prefix, Func<Task> action)
    {
        var ok = await TryAsync(action);
        if (ok || prefix.Length == 0) return ok;
        foreach (var key in ModelState.Keys.Where(k => k.Length > 0 && !k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            var target = prefix + char.ToUpperInvariant(key[0]) + key[1..];
            foreach (var e in ModelState[key]!.Errors) ModelState.AddModelError(target, e.ErrorMessage);
            ModelState.Remove(key);
        }
        return false;
    }

    /// <summary>The use case found nothing to change: the row was removed meanwhile (or lies outside the admin's scope).</summary>
    protected void Gone(string what) => Banner = $"{what}不存在：可能已被他人删除，请刷新页面。";
}
