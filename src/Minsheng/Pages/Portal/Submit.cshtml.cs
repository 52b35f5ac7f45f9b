using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Public;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

public sealed record CategoryGroup(string Name, long? Id, IReadOnlyList<Category> Children);

public sealed record VillageGroup(UnitInfo Township, IReadOnlyList<UnitInfo> Villages);

/// <summary>
/// 我要反映: the citizen's form. Registers through the same PublicSubmissions as the API; the location is picked
/// as township then village (htmx narrows the village list; without script the list is grouped by township).
/// </summary>
[RequestSizeLimit(PhotoUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoUploads.MaxRequestBytes)]
[RejectOversizedUpload]
public sealed class SubmitModel(PublicSubmissions submissions, PortalSubmissionLimiter limiter, MinshengDb db, UnitTree units) : AppPage
{
    [BindProperty] public AppealType? Type { get; set; }
    [BindProperty] public long? CategoryId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty(Name = "content")] public string? Body { get; set; }
    [BindProperty] public long? Township { get; set; }
    [BindProperty] public long? Village { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];
    public IReadOnlyList<VillageGroup> Villages { get; private set; } = [];
    /// <summary>Photos were chosen but the form came back: the browser has forgotten them.</summary>
    public bool ChoosePhotosAgain { get; private set; }

    public async Task OnGetAsync(bool toolarge, CancellationToken ct)
    {
        if (toolarge) ModelState.AddModelError(PhotoUploads.Field, PhotoUploads.TooLargeMessage);
        await LoadAsync(ct);
    }

    /// <summary>htmx: the village options of the chosen township (all villages, grouped, when none is chosen).</summary>
    public PartialViewResult OnGetVillages(long? township)
    {
        Township = township;
        LoadPlaces();
        return Partial("_VillageOptions", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!limiter.TryAcquire(HttpContext))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Banner = "提交过于频繁，请稍等一分钟后再提交。";
            await LoadAsync(ct);
            return Page();
        }
        SubmissionReceipt? receipt = null;
        var body = new PublicSubmission(Type, CategoryId, Title, Body, Village ?? Township, Address, Name, Phone, null);
        var ok = await TryAsync(async () => receipt = await submissions.SubmitAsync(body, Photos, PlaceErrors(), ct));
        if (!ok)
        {
            MovePlaceErrors();
            ChoosePhotosAgain = Photos.Any(p => p.Length > 0);
            await LoadAsync(ct);
            return Page();
        }
        TempData[SubmittedModel.NumberKey] = receipt!.Number;
        TempData[SubmittedModel.CodeKey] = receipt.QueryCode;
        return RedirectToPage("/Portal/Submitted");
    }

    private IEnumerable<(string, string)> PlaceErrors()
    {
        if (Township is { } t && units.Find(t) is not { Kind: UnitKind.Township, Active: true })
            yield return ("township", "所选乡镇（街道）不存在。");
        if (Village is { } v)
        {
            var village = units.Find(v);
            if (village is not { Kind: UnitKind.Village, Active: true }) yield return ("village", "所选村（社区）不存在。");
            else if (Township is { } town && village.ParentId != town) yield return ("village", "所选村（社区）不在所选乡镇（街道）内，请重新选择。");
        }
    }

    /// <summary>The service checks "regionUnitId"; on this form that is the village, or the township when no village was chosen.</summary>
    private void MovePlaceErrors()
    {
        if (!ModelState.TryGetValue("regionUnitId", out var entry) || entry.Errors.Count == 0) return;
        var field = Village is not null ? "village" : "township";
        foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(field, e.ErrorMessage);
        ModelState.Remove("regionUnitId");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code).ToListAsync(ct);
        Categories = all.Where(c => c.ParentId is null)
            .Select(root => new CategoryGroup(root.Name, root.Id, all.Where(c => c.ParentId == root.Id).ToList())).ToList();
        LoadPlaces();
    }

    private void LoadPlaces()
    {
        var active = units.All.Where(u => u.Active).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Townships = active.Where(u => u.Kind == UnitKind.Township).ToList();
        Villages = Townships.Where(t => Township is null || t.Id == Township)
            .Select(t => new VillageGroup(t, active.Where(v => v.ParentId == t.Id && v.Kind == UnitKind.Village).ToList()))
            .Where(g => g.Villages.Count > 0).ToList();
    }
}

/// <summary>
/// A body larger than the limit is turned away before anything reads it (the antiforgery check would otherwise
/// fail on the cut-off form with a bare 400): the form comes back with the size rule next to the photo field.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RejectOversizedUploadAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => -2000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength > PhotoUploads.MaxRequestBytes)
            context.Result = new RedirectResult(request.Path + "?toolarge=true");
    }
}
