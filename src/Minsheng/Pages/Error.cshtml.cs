using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minsheng.Pages;

/// <summary>What a browser sees for a status code or an unexpected failure (the API answers ProblemDetails instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public bool Staff => User.Identity?.IsAuthenticated == true;

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed after a real failure, the response already carries the real status. Typed in by hand
        // (/error/100001, /error/500), the page must not invent one: only a known 4xx is echoed, the rest is 404.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
                         || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = reExecuted ? Response.StatusCode : Clamp(code);
        (Title, Detail) = status switch
        {
            400 => ("请求有误", "提交的内容无法识别，请返回上一页重试。如果刚刚长时间没有操作，请刷新页面后再提交。"),
            403 => ("无权访问", "您的账号无权打开此页面。"),
            404 => ("页面不存在", "您要找的页面或诉求不存在，或您无权查看。"),
            405 => ("不支持的请求方式", "此页面不接受这种请求，请从页面上的链接或按钮操作。"),
            413 => ("文件过大", "上传的内容超过了大小限制。"),
            415 => ("提交格式不受支持", "提交内容的编码或格式无法识别，请用浏览器页面上的表单提交。"),
            429 => ("操作过于频繁", "请稍等一分钟后再试。"),
            >= 400 and < 500 => ("请求有误", "请求无法处理，请返回上一页重试。"),
            _ => ("系统暂时出错", "处理请求时出现了意外错误，已记录在系统日志中。请稍后重试。"),
        };
        if (!reExecuted) Response.StatusCode = status;
    }

    /// <summary>A hand-typed code: a real client-error status stays, anything else is "no such page".</summary>
    public static int Clamp(int? code) =>
        code is >= 400 and < 500 && !string.IsNullOrEmpty(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code.Value)) ? code.Value : 404;
}
