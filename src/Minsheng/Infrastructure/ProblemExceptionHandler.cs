using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;

namespace Minsheng.Infrastructure;

/// <summary>
/// Maps the few known exception types to ProblemDetails (a unique-constraint failure of either engine is a 409). Anything else is a bug and stays a 500,
/// never a disguised 404.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // Minimal API binding failures read: Failed to bind parameter "int? Page" from "x".
    [GeneratedRegex("parameter \"[^\"]*? (\\w+)\" from")]
    private static partial Regex ParameterName();

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (ToProblem(exception) is not { } problem) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The problem a known exception stands for, or null for a bug. The pages show the same titles and details.</summary>
    public static ProblemDetails? ToProblem(Exception exception) =>
        exception switch
        {
            DomainValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = 400, Title = "请求内容有误", Detail = v.Message,
            },
            IllegalTransitionException t => Conflict(t),
            Domain.Accountability.LeadStateException l => new ProblemDetails
            {
                Status = 409, Title = "线索当前状态不能执行此操作", Detail = $"线索当前为“{Labels.LeadStatus(l.Status)}”，不能{l.ActionLabel}。",
            },
            Domain.Instructions.WorkflowConflictException w => new ProblemDetails { Status = 409, Title = w.Title, Detail = w.Reason },
            ActionForbiddenException f => new ProblemDetails { Status = 403, Title = "无权执行此操作", Detail = f.Message },
            OutOfScopeException o => new ProblemDetails { Status = 403, Title = "超出管辖范围", Detail = o.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = "无权执行此操作", Detail = f.Message },
            Domain.Priorities.PriorityStateException s => new ProblemDetails { Status = 409, Title = "当前状态不能执行此操作", Detail = s.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409, Title = "诉求已被他人修改", Detail = "该诉求刚刚被其他人处理过，请刷新后重试。",
            },
            DbUpdateException d when UniqueViolations.ToProblem(d) is { } duplicate => duplicate,
            BadHttpRequestException b => BadRequest(b),
            // A NUL that reached PostgreSQL in a field no validation names: the request's fault, never a 500.
            Npgsql.PostgresException { SqlState: "22021" } => new ProblemDetails
                { Status = 400, Title = "请求含有无效字符", Detail = "请求中含有无法保存的字符（如 NUL），请删除后重试。" },
            Features.Analysis.Reports.ReportStateException r => new ProblemDetails { Status = 409, Title = "报告当前状态不能执行此操作", Detail = r.Message },
            Documents.ChromiumMissingException c => new ProblemDetails { Status = 503, Title = "缺少 Chromium，无法导出", Detail = c.Message },
            Documents.ChromiumFailedException c => new ProblemDetails { Status = 503, Title = "导出失败", Detail = c.Message },
            _ => null,
        };

    private static ProblemDetails Conflict(IllegalTransitionException t)
    {
        var problem = new ProblemDetails
        {
            Status = 409,
            Title = "操作与诉求当前状态不符",
            Detail = t.Reason ?? $"诉求当前状态为“{Labels.Status(t.Status)}”，不能执行“{Labels.Action(t.Action)}”。",
        };
        problem.Extensions["currentStatus"] = t.Status.ToString();
        problem.Extensions["action"] = t.Action.ToString();
        return problem;
    }

    /// <summary>Malformed JSON or a wrong type: name the field from the JSON path ("$.type" → "type").</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        var json = b.InnerException as JsonException;
        var parameter = ParameterName().Match(b.Message);
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.')
            : parameter.Success ? JsonNamingPolicy.CamelCase.ConvertName(parameter.Groups[1].Value) : "body";
        var message = json is null && !parameter.Success ? "请求体缺失或格式不正确。" : $"字段“{field}”的值无效或格式不正确。";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = b.StatusCode == 413 ? 413 : 400,
            Title = "请求内容有误",
            Detail = message,
        };
    }
}
