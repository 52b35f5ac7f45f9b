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
        (Title, Detail) = code switch
        {
            400 => ("请求有误", "提交的内容无法识别，请返回上一页重试。如果刚刚长时间没有操作，请刷新页面后再提交。"),
            403 => ("无权访问", "您的账号无权打开此页面。"),
            404 => ("页面不存在", "您要找的页面或诉求不存在，或您无权查看。"),
            413 => ("文件过大", "上传的内容超过了大小限制。"),
            429 => ("操作过于频繁", "请稍等一分钟后再试。"),
            _ => ("系统暂时出错", "处理请求时出现了意外错误，已记录在系统日志中。请稍后重试。"),
        };
        if (code is { } c && c >= 400) Response.StatusCode = c;
    }
}
