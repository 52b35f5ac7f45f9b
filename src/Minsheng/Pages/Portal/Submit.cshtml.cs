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
/// as township then village (htmx narrows the village list; without script the list is grouped by township). A city
/// portal first offers the county: picking one narrows the townships to it and files the appeal with that county.
/// </summary>
[RequestSizeLimit(PhotoUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PhotoUploads.MaxRequestBytes)]
[RejectOversizedUpload]
public sealed class SubmitModel(PublicSubmissions submissions, PortalSubmissionLimiter limiter, MinshengDb db, UnitTree units, PortalJurisdictions portal)
    : PortalPage(portal)
{
    /// <summary>The picked county's code (city portals only); it starts as the county being viewed.</summary>
    [BindProperty(Name = PortalJurisdictions.Field)] public string? CountyCode { get; set; }
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
    /// <summary>The county the form is for: the picked one, else none (the whole city, or the only county).</summary>
    public UnitInfo? Picked { get; private set; }
    public IReadOnlyList<VillageGroup> Villages { get; private set; } = [];
    /// <summary>Photos were chosen but the form came back: the browser has forgotten them.</summary>
    public bool ChoosePhotosAgain { get; private set; }

    public async Task OnGetAsync(bool toolarge, CancellationToken ct)
    {
        if (toolarge) ModelState.AddModelError(PhotoUploads.Field, PhotoUploads.TooLargeMessage);
        CountyCode = Portal.Code;
        await LoadAsync(ct);
    }

    /// <summary>htmx: the village options of the chosen township (all villages, grouped, when none is chosen).</summary>
    public PartialViewResult OnGetVillages(long? township)
    {
        Township = township;
        CountyCode = Portal.Code;
        LoadPlaces();
        return Partial("_VillageOptions", this);
    }

    /// <summary>htmx: the township and village lists of the county just picked (every county's when none is).</summary>
    public PartialViewResult OnGetPlaces()
    {
        CountyCode = Portal.Code;
        LoadPlaces();
        return Partial("_Places", this);
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
        var placeErrors = PlaceErrors().ToList();
        var body = new PublicSubmission(Type, CategoryId, Title, Body, Village ?? Township, Address, Name, Phone, null, Picked?.Id);
        var ok = await TryAsync(async () => receipt = await submissions.SubmitAsync(body, Photos, placeErrors, ct));
        if (!ok)
        {
            MovePlaceErrors();
            ChoosePhotosAgain = Photos.Any(p => p.Length > 0);
            await LoadAsync(ct);
            return Page();
        }
        TempData[SubmittedModel.NumberKey] = receipt!.Number;
        TempData[SubmittedModel.CodeKey] = receipt.QueryCode;
        return RedirectToPage("/Portal/Submitted", new { county = Portal.Code });
    }

    private IEnumerable<(string, string)> PlaceErrors()
    {
        // The picker offers only this portal's counties; anything else is a tampered or stale form.
        if (!Jurisdictions.TryResolve(CountyCode, out var picked))
        {
            yield return (PortalJurisdictions.Field, "所选县（区）不存在，请重新选择。");
            yield break;
        }
        Picked = picked;
        if (Township is { } t && units.Find(t) is not { Kind: UnitKind.Township, Active: true })
            yield return ("township", "所选乡镇（街道）不存在。");
        // A place outside the picked county is reported by PublicSubmissions (regionUnitId, moved onto this form's field).
        if (Village is { } v)
        {
            var village = units.Find(v);
            if (village is not { Kind: UnitKind.Village, Active: true }) yield return ("village", "所选村（社区）不存在。");
            else if (Township is { } town && village.ParentId != town) yield return ("village", "所选村（社区）不在所选乡镇（街道）内，请重新选择。");
        }
    }

    /// <summary>
    /// The service checks "regionUnitId" and "jurisdictionId"; on this form they are the village (or the township when
    /// no village was chosen) and the county picker.
    /// </summary>
    private void MovePlaceErrors()
    {
        Move("regionUnitId", Village is not null ? "village" : "township");
        Move("jurisdictionId", PortalJurisdictions.Field);
    }

    private void Move(string from, string to)
    {
        if (!ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0) return;
        foreach (var e in entry.Errors.ToList()) ModelState.AddModelError(to, e.ErrorMessage);
        ModelState.Remove(from);
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
        if (Picked is null && Jurisdictions.TryResolve(CountyCode, out var picked)) Picked = picked;
        var active = Jurisdictions.UnitsOf(Picked).Where(u => u.Active).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Townships = active.Where(u => u.Kind == UnitKind.Township).ToList();
        Villages = Townships.Where(t => Township is null || t.Id == Township)
            .Select(t => new VillageGroup(t, active.Where(v => v.ParentId == t.Id && v.Kind == UnitKind.Village).ToList()))
            .Where(g => g.Villages.Count > 0).ToList();
    }

    /// <summary>Without a county picked on a city portal, townships are grouped by county (two counties may both have a 城关镇).</summary>
    public IEnumerable<IGrouping<string, UnitInfo>> TownshipGroups =>
        Townships.GroupBy(t => Jurisdictions.JurisdictionOf(t.Id)?.Name ?? "");
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
