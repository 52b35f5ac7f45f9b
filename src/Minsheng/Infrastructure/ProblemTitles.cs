using Microsoft.AspNetCore.Http;

namespace Minsheng.Infrastructure;

/// <summary>Chinese titles for the framework's own error responses (401 from a challenge, 404 for an unknown route...).</summary>
public static class ProblemTitles
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // Titles we set ourselves are already Chinese; only replace the framework's English defaults.
        if (problem.Title is not null && problem.Title.Any(c => c > 0x2E80)) return;
        (problem.Title, problem.Detail) = status switch
        {
            401 => ("未登录或登录已过期", "请先登录后再操作。"),
            403 => ("无权访问", "您的角色或所属单位无权执行此操作。"),
            404 => ("资源不存在", problem.Detail),
            405 => ("不支持的请求方法", problem.Detail),
            413 => ("请求内容过大", problem.Detail),
            415 => ("请求内容类型不受支持", "请以 application/json 提交。"),
            429 => ("请求过于频繁", "请稍后再试。"),
            >= 500 => ("服务器内部错误", "服务器处理请求时出错，已记录，请稍后再试。"),
            _ => (problem.Title ?? "请求有误", problem.Detail),
        };
    }
}
