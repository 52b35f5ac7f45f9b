using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>
/// 我要反映: what the portal page, the JSON API and the multipart API all call. Checks the text and the photos
/// together so the citizen learns every problem at once, then registers the appeal as the citizen, with its
/// photos and their bytes in the same transaction.
/// </summary>
public sealed class PublicSubmissions(MinshengDb db, RegisterAppeal register, UnitTree units)
{
    /// <param name="callerErrors">Problems the caller found in fields of its own (the page's township and village), reported with the rest.</param>
    public async Task<SubmissionReceipt> SubmitAsync(PublicSubmission body, IEnumerable<IFormFile> files,
        IEnumerable<(string Field, string Message)> callerErrors, CancellationToken ct)
    {
        var (photos, errors) = await PhotoUploads.ReadAsync(files, ct);
        foreach (var (field, message) in callerErrors) errors.Add(field, message);
        if (body.Type is null) errors.Add("type", "请选择诉求性质。");
        CheckJurisdiction(body, errors);
        var draft = new AppealDraft(Channel.PublicPortal, body.Type ?? AppealType.Other, body.CategoryId, Tier.Timely, body.Title ?? "",
            body.Content ?? "", body.RegionUnitId, body.Address, null, null, body.Name, body.Phone, body.ContactAddress, null);
        try
        {
            draft.Validate();
        }
        catch (DomainValidationException e)
        {
            Merge(errors, e.Errors);
        }
        errors.ThrowIfAny();

        var stored = photos.Select(p => (Photo: p, Attachment: new Attachment(p.FileName, p.ContentType, p.Bytes.Length, $"db/{Guid.NewGuid():N}"))).ToList();
        var blobs = stored.Select(s => new AttachmentBlob(s.Attachment.StorageKey, s.Photo.Bytes)).ToList();
        // Added to the unit of work first, so RegisterAppeal's SaveChanges writes them inside its transaction.
        db.Set<AttachmentBlob>().AddRange(blobs);
        try
        {
            var appeal = await register.ExecuteAsync(draft, Actor.Citizen, stored.Select(s => s.Attachment).ToList(), ct, body.JurisdictionId);
            return new SubmissionReceipt(appeal.Number, appeal.QueryCode);
        }
        catch (DomainValidationException e)
        {
            Forget(blobs);
            throw new DomainValidationException(e.Errors.ToDictionary(x => PortalField(x.Key), x => x.Value));
        }
        catch
        {
            Forget(blobs);
            throw;
        }
    }

    /// <summary>A picked county must be one of the deployment's jurisdictions, and a picked place must lie in it.</summary>
    private void CheckJurisdiction(PublicSubmission body, FieldErrors errors)
    {
        if (body.JurisdictionId is not { } picked) return;
        if (!units.Jurisdictions().Any(j => j.Id == picked))
            errors.Add("jurisdictionId", "所选县（区）不存在。");
        else if (body.RegionUnitId is { } region && units.Find(region) is not null && !units.IsWithin(region, picked))
            errors.Add("regionUnitId", "所选地点不在所选县（区）内，请重新选择。");
    }

    private static void Merge(FieldErrors into, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
            foreach (var message in messages) into.Add(PortalField(field), message);
    }

    private void Forget(IEnumerable<AttachmentBlob> blobs)
    {
        foreach (var b in blobs) db.Entry(b).State = EntityState.Detached;
    }

    /// <summary>The portal names the citizen's fields differently from the staff form.</summary>
    public static string PortalField(string field) => field switch
    {
        "citizenName" => "name",
        "citizenPhone" => "phone",
        "citizenAddress" => "contactAddress",
        _ => field,
    };
}
