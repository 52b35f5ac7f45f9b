using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minsheng.Domain;

namespace Minsheng.Infrastructure.Web;

/// <summary>
/// Base of every page model: runs an action and turns the product's known failures into what the page shows —
/// field errors next to their inputs, or one banner — exactly as the API turns them into ProblemDetails.
/// </summary>
public abstract class AppPage : PageModel
{
    /// <summary>A success message carried across the redirect after a POST.</summary>
    [TempData] public string? Flash { get; set; }

    /// <summary>A failure that belongs to no single field (wrong status, no permission, changed by someone else).</summary>
    public string? Banner { get; protected set; }

    protected async Task<bool> TryAsync(Func<Task> action)
    {
        if (!ModelState.IsValid) // the binder already named the fields it could not read
        {
            Banner ??= "填写内容有误，请按提示修改后再提交。";
            return false;
        }
        try
        {
            await action();
            return true;
        }
        catch (Exception e) when (ProblemExceptionHandler.ToProblem(e) is { } problem)
        {
            if (e is DomainValidationException v) AddErrors(v);
            else Banner = $"{problem.Title}：{problem.Detail}";
            return false;
        }
    }

    /// <summary>Puts a page's own checks next to their fields, as TryAsync does for the domain's; true when there were none.</summary>
    protected bool Accept(FieldErrors errors)
    {
        try
        {
            errors.ThrowIfAny();
            return true;
        }
        catch (DomainValidationException e)
        {
            AddErrors(e);
            return false;
        }
    }

    private void AddErrors(DomainValidationException e)
    {
        foreach (var (field, messages) in e.Errors)
            foreach (var message in messages) ModelState.AddModelError(field, message);
    }

    protected IActionResult Done(string message, string? url = null)
    {
        Flash = message;
        return url is null ? RedirectToPage() : Redirect(url);
    }
}
