using System.Net;
using NUnit.Framework;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

/// <summary>The addresses a webhook is never sent to (unless the host is allowed), one case per range and edge.</summary>
[TestFixture]
public class WebhookAddressRulesTests
{
    [TestCase("127.0.0.1", "loopback")]
    [TestCase("127.255.255.254", "loopback")]
    [TestCase("::1", "loopback")]
    [TestCase("10.0.0.1", "private")]
    [TestCase("10.255.255.255", "private")]
    [TestCase("172.16.0.1", "private")]
    [TestCase("172.31.255.255", "private")]
    [TestCase("192.168.1.1", "private")]
    [TestCase("169.254.0.1", "link_local")]
    [TestCase("fe80::1", "link_local")]
    [TestCase("febf::1", "link_local")]
    [TestCase("100.64.0.1", "cgnat")]
    [TestCase("100.127.255.255", "cgnat")]
    [TestCase("169.254.169.254", "metadata")]
    [TestCase("fd00:ec2::254", "metadata")]
    [TestCase("fc00::1", "unique_local")]
    [TestCase("fd12:3456::1", "unique_local")]
    [TestCase("0.0.0.0", "unspecified")]
    [TestCase("::", "unspecified")]
    [TestCase("224.0.0.1", "multicast")]
    [TestCase("239.255.255.250", "multicast")]
    [TestCase("ff02::1", "multicast")]
    [TestCase("255.255.255.255", "reserved")]
    [TestCase("::ffff:127.0.0.1", "loopback")]
    [TestCase("::ffff:10.1.2.3", "private")]
    [TestCase("::ffff:169.254.169.254", "metadata")]
    [TestCase("::ffff:100.64.1.1", "cgnat")]
    [TestCase("64:ff9b::10.0.0.1", "private")]
    [TestCase("::10.0.0.1", "private")]
    [TestCase("fec0::1", "site_local")]
    public void RefusalReason_RefusedAddress_NamesTheRange(string address, string reason)
    {
        Assert.That(WebhookAddressRules.RefusalReason(IPAddress.Parse(address)), Is.EqualTo(reason));
    }

    [TestCase("93.184.215.14")]
    [TestCase("8.8.8.8")]
    [TestCase("172.15.255.255")]
    [TestCase("172.32.0.0")]
    [TestCase("100.63.255.255")]
    [TestCase("100.128.0.0")]
    [TestCase("192.169.0.1")]
    [TestCase("169.253.255.255")]
    [TestCase("2001:4860:4860::8888")]
    [TestCase("2606:4700::1111")]
    [TestCase("::ffff:8.8.8.8")]
    [TestCase("64:ff9b::8.8.8.8")]
    public void RefusalReason_PublicAddress_IsNull(string address)
    {
        Assert.That(WebhookAddressRules.IsRefused(IPAddress.Parse(address)), Is.False);
    }
}
