using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages;

/// <summary>Each role's home is the first entry of its menu.</summary>
public sealed class WorkModel(CurrentUser me) : PageModel
{
    public IActionResult OnGet() => Redirect(Nav.Home(me.Role));
}
