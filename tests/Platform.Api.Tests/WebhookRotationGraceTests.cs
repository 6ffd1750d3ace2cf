using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// After a rotation's grace period the old secret no longer signs: messages carry the new secret's signature only.
/// The grace period (<c>Webhooks:RotationGracePeriod</c>) is shortened to two seconds here.
/// </summary>
public sealed class WebhookRotationGraceTests : WebhookApiTestBase
{
    protected override IDictionary<string, string?> WebhookSettings => new Dictionary<string, string?>
    {
        ["Webhooks:RotationGracePeriod"] = "00:00:02",
    };

    [Test]
    public async Task Once_the_grace_period_is_over_only_the_new_secret_signs()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/graced-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path)}}","event_types":["tickets.created"]}"""));
        var oldSecret = StringOf(created, "secret")!;
        var rotated = await JsonAsync(await SendAsync(admin, HttpMethod.Post, $"/api/v1/webhooks/endpoints/{IdOf(created)}/rotate-secret"));
        var newSecret = StringOf(rotated, "secret")!;

        await CreateTicketAsync(admin, "during the grace period");
        var during = (await Receiver.WaitForAsync(path, 1, TimeSpan.FromSeconds(15)))[0];
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await CreateTicketAsync(admin, "after it");
        var after = (await Receiver.WaitForAsync(path, 2, TimeSpan.FromSeconds(15)))[1];

        Assert.Multiple(() =>
        {
            Assert.That(during.Signature.Split(' '), Is.EqualTo(new[] { during.SignedWith(newSecret), during.SignedWith(oldSecret) }));
            Assert.That(after.Signature, Is.EqualTo(after.SignedWith(newSecret)), "one signature, by the new secret");
            Assert.That(after.Signature.Split(' '), Does.Not.Contain(after.SignedWith(oldSecret)), "the old secret no longer verifies");
        });
    }

}
