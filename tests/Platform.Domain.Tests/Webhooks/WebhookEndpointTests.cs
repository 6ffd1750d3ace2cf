using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Webhooks;

namespace Platform.Domain.Tests.Webhooks;

/// <summary>Creating, editing, disabling and rotating the secret of an endpoint.</summary>
[TestFixture]
public class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly Uri Url = new("https://hooks.example.com/platform");

    private static WebhookEndpoint NewEndpoint(bool enabled = true, params string[] eventTypes) =>
        WebhookEndpoint.Create(Url, "CRM sync", eventTypes.Length == 0 ? [WebhookEventTypes.TicketsCreated] : eventTypes, enabled, id => $"sealed-for-{id}", Now);

    [Test]
    public void Create_ValidInput_StartsEnabledAtVersionOneWithTheSecretSealedForItsId()
    {
        var endpoint = NewEndpoint(true, WebhookEventTypes.TicketsCreated, WebhookEventTypes.TicketsCreated, WebhookEventTypes.StatusIncidentCreated);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Id.Version, Is.EqualTo(7));
            Assert.That(endpoint.Url, Is.EqualTo(Url.OriginalString));
            Assert.That(endpoint.Description, Is.EqualTo("CRM sync"));
            Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { WebhookEventTypes.TicketsCreated, WebhookEventTypes.StatusIncidentCreated }));
            Assert.That(endpoint.Enabled, Is.True);
            Assert.That(endpoint.DisabledReason, Is.Null);
            Assert.That(endpoint.SecretCiphertext, Is.EqualTo($"sealed-for-{endpoint.Id}"));
            Assert.That(endpoint.PreviousSecretCiphertext, Is.Null);
            Assert.That(endpoint.Version, Is.EqualTo(1));
            Assert.That(endpoint.CreatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Create_Disabled_IsDisabledByAnAdmin()
    {
        var endpoint = NewEndpoint(enabled: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Enabled, Is.False);
            Assert.That(endpoint.DisabledReason, Is.EqualTo(WebhookDisabledReason.Manual));
            Assert.That(endpoint.DisabledAt, Is.EqualTo(Now));
        }
    }

    [TestCase("", TestName = "Create_NoEventTypes_IsInvalid")]
    [TestCase("*,tickets.created", TestName = "Create_StarWithOthers_IsInvalid")]
    [TestCase("tickets.deleted", TestName = "Create_UnknownEventType_IsInvalid")]
    [TestCase("Tickets.Created", TestName = "Create_EventTypeInAnotherCase_IsInvalid")]
    public void Create_BadEventTypes_IsInvalidOnEventTypes(string commaSeparated)
    {
        var eventTypes = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var ex = Assert.Throws<DomainException>(() => WebhookEndpoint.Create(Url, string.Empty, eventTypes, true, _ => "sealed", Now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Code, Is.EqualTo(WebhookErrorCodes.InvalidEventTypes));
            Assert.That(ex.Kind, Is.EqualTo(DomainErrorKind.Invalid));
            Assert.That(ex.Field, Is.EqualTo("event_types"));
        }
    }

    [Test]
    public void Create_DescriptionOverTheLimit_IsInvalid()
    {
        var ex = Assert.Throws<DomainException>(() =>
            WebhookEndpoint.Create(Url, new string('x', WebhookRules.DescriptionMaxLength + 1), ["*"], true, _ => "sealed", Now));

        Assert.That(ex!.Code, Is.EqualTo(WebhookErrorCodes.InvalidDescription));
    }

    [Test]
    public void SubscribesTo_Star_IsEveryTypeAndATestMessageIsForEveryEndpoint()
    {
        var all = NewEndpoint(true, WebhookRules.AllEventTypes);
        var one = NewEndpoint(true, WebhookEventTypes.TicketsCreated);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.SubscribesTo(WebhookEventTypes.SessionsRefreshReuseDetected), Is.True);
            Assert.That(one.SubscribesTo(WebhookEventTypes.TicketsCreated), Is.True);
            Assert.That(one.SubscribesTo(WebhookEventTypes.TicketsUpdated), Is.False);
            Assert.That(one.SubscribesTo(WebhookEventTypes.Test), Is.True);
        }
    }

    [Test]
    public void Update_SameValues_KeepsTheVersion()
    {
        var endpoint = NewEndpoint();

        endpoint.Update(Url, "CRM sync", [WebhookEventTypes.TicketsCreated], true, Now.AddMinutes(1));

        Assert.That(endpoint.Version, Is.EqualTo(1));
        Assert.That(endpoint.UpdatedAt, Is.EqualTo(Now));
    }

    [Test]
    public void Update_NullArguments_LeaveFieldsAlone_AndAChangeMovesTheVersion()
    {
        var endpoint = NewEndpoint();
        var later = Now.AddMinutes(1);

        endpoint.Update(null, "Billing", null, null, later);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Url, Is.EqualTo(Url.OriginalString));
            Assert.That(endpoint.Description, Is.EqualTo("Billing"));
            Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { WebhookEventTypes.TicketsCreated }));
            Assert.That(endpoint.Version, Is.EqualTo(2));
            Assert.That(endpoint.UpdatedAt, Is.EqualTo(later));
        }
    }

    [Test]
    public void Update_Enable_ClearsTheReasonItWasDisabledFor()
    {
        var endpoint = NewEndpoint();
        endpoint.Disable(WebhookDisabledReason.Gone, Now.AddMinutes(1));

        endpoint.Update(null, null, null, true, Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Enabled, Is.True);
            Assert.That(endpoint.DisabledReason, Is.Null);
            Assert.That(endpoint.DisabledAt, Is.Null);
            Assert.That(endpoint.Version, Is.EqualTo(3));
        }
    }

    [Test]
    public void Disable_RecordsTheReasonOnce()
    {
        var endpoint = NewEndpoint();

        endpoint.Disable(WebhookDisabledReason.Gone, Now.AddMinutes(1));
        endpoint.Disable(WebhookDisabledReason.Failing, Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.DisabledReason, Is.EqualTo(WebhookDisabledReason.Gone));
            Assert.That(endpoint.DisabledAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(endpoint.Version, Is.EqualTo(2));
        }
    }

    [Test]
    public void RotateSecret_PreviousSecretSignsSecondUntilTheGracePeriodEnds()
    {
        var endpoint = NewEndpoint();
        var first = endpoint.SecretCiphertext;

        endpoint.RotateSecret("second", TimeSpan.FromHours(24), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.SecretCiphertext, Is.EqualTo("second"));
            Assert.That(endpoint.PreviousSecretCiphertext, Is.EqualTo(first));
            Assert.That(endpoint.PreviousSecretExpiresAt, Is.EqualTo(Now.AddHours(24)));
            Assert.That(endpoint.SecretRotatedAt, Is.EqualTo(Now));
            Assert.That(endpoint.Version, Is.EqualTo(2));
            Assert.That(endpoint.SigningSecretsAt(Now.AddHours(23)), Is.EqualTo(new[] { "second", first }));
            Assert.That(endpoint.SigningSecretsAt(Now.AddHours(24)), Is.EqualTo(new[] { "second" }));
        }
    }

    [Test]
    public void RotateSecret_TwiceWithinTheGracePeriod_KeepsOnlyTheTwoNewest()
    {
        var endpoint = NewEndpoint();

        endpoint.RotateSecret("second", TimeSpan.FromHours(24), Now);
        endpoint.RotateSecret("third", TimeSpan.FromHours(24), Now.AddHours(1));

        Assert.That(endpoint.SigningSecretsAt(Now.AddHours(2)), Is.EqualTo(new[] { "third", "second" }));
    }

    [Test]
    public void RotateSecret_ZeroGracePeriod_DropsTheOldSecretAtOnce()
    {
        var endpoint = NewEndpoint();

        endpoint.RotateSecret("second", TimeSpan.Zero, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.PreviousSecretCiphertext, Is.Null);
            Assert.That(endpoint.PreviousSecretExpiresAt, Is.Null);
            Assert.That(endpoint.SigningSecretsAt(Now), Is.EqualTo(new[] { "second" }));
        }
    }

    [Test]
    public void RotateSecret_GracePeriodOverThirtyDays_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewEndpoint().RotateSecret("second", TimeSpan.FromDays(31), Now));
    }

    [Test]
    public void Enable_AfterDeliveryDisabledIt_ClearsTheReasonAndGrowsTheVersion()
    {
        var endpoint = NewEndpoint();
        endpoint.Disable(WebhookDisabledReason.Gone, Now);
        var version = endpoint.Version;

        endpoint.Enable(Now.AddMinutes(1));
        endpoint.Enable(Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(endpoint.Enabled, Is.True);
            Assert.That(endpoint.DisabledReason, Is.Null);
            Assert.That(endpoint.DisabledAt, Is.Null);
            Assert.That(endpoint.FailingSince, Is.Null);
            Assert.That(endpoint.Version, Is.EqualTo(version + 1), "enabling an enabled endpoint changes nothing");
        }
    }
}
