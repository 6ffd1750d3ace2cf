using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

[TestFixture]
public class WebhookUrlRulesTests
{
    [TestCase("https://hooks.example.com/platform", false)]
    [TestCase("https://hooks.example.com:8443/platform?tenant=7", true)]
    [TestCase("http://hooks.example.com/platform", false)]
    [TestCase("http://127.0.0.1:5000/hook", false)]
    [TestCase("https://[2001:db8::1]/hook", true)]
    public void Check_AcceptedUrl_ReturnsIt(string url, bool requireHttps)
    {
        Assert.That(WebhookUrlRules.Check(url, requireHttps).OriginalString, Is.EqualTo(url));
    }

    [TestCase("http://hooks.example.com/platform", true, TestName = "Check_HttpWhereHttpsIsRequired_IsInvalid")]
    [TestCase("ftp://hooks.example.com/x", false, TestName = "Check_FtpScheme_IsInvalid")]
    [TestCase("file:///etc/passwd", false, TestName = "Check_FileScheme_IsInvalid")]
    [TestCase("/relative/path", false, TestName = "Check_RelativeUrl_IsInvalid")]
    [TestCase("hooks.example.com/platform", false, TestName = "Check_NoScheme_IsInvalid")]
    [TestCase("https://user:pass@hooks.example.com/", false, TestName = "Check_UserInfo_IsInvalid")]
    [TestCase("https://hooks.example.com/#frag", false, TestName = "Check_Fragment_IsInvalid")]
    [TestCase("https://hooks.example.com/a b", false, TestName = "Check_Space_IsInvalid")]
    [TestCase("", false, TestName = "Check_Empty_IsInvalid")]
    public void Check_RefusedUrl_IsAnInvalidUrlOnTheUrlField(string url, bool requireHttps)
    {
        var ex = Assert.Throws<DomainException>(() => WebhookUrlRules.Check(url, requireHttps));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Code, Is.EqualTo(WebhookErrorCodes.InvalidUrl));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("url"));
        }
    }

    [Test]
    public void Check_LongerThanTheLimit_IsInvalid()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookRules.UrlMaxLength);

        Assert.That(WebhookUrlRules.IsValid(url, false), Is.False);
    }
}
