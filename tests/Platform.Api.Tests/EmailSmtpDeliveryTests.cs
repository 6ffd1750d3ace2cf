using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Email through a real SMTP server (the SmtpServer package on 127.0.0.1): a security event mails the account holder
/// once, with text and HTML parts that carry every value as text; a 4xx reply is retried, a 5xx fails at once with the
/// reason; a suppressed recipient is never mailed; a server that is down for a while loses nothing and sends nothing
/// twice; two instances on one database send each message once.
/// </summary>
public sealed class EmailSmtpDeliveryTests : EmailTestBase
{
    private readonly SmtpSink sink = SmtpSink.Start();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(FastDelivery(sink.Settings()))
    {
        ["Email:ProductName"] = "Acme & Co",
    };

    [OneTimeTearDown]
    public async Task StopSink() => await sink.DisposeAsync();

    [SetUp]
    public void AcceptEverything() => sink.Answer(_ => SmtpSink.Reply(250, "Ok"));

    [Test]
    public async Task A_changed_password_is_mailed_once_with_text_and_html_parts_that_show_every_value_as_text()
    {
        var email = NewEmail("changed");
        await ChangePasswordAsync(email, displayName: "<b>Ann</b> & \"co\"");

        var mail = (await sink.WaitForAsync(1, Soon, email)).Single();
        var row = await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        await Task.Delay(1500);

        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.EqualTo("Your password was changed - Acme & Co"));
            Assert.That(mail.From, Is.EqualTo("\"Platform Tests\" <no-reply@platform.test>"));
            Assert.That(mail.Text, Does.Contain("Hello <b>Ann</b> & \"co\","), "the text part keeps the name as typed");
            Assert.That(mail.Text, Does.Contain($"({email})"));
            Assert.That(mail.Html, Does.Contain("Hello &lt;b&gt;Ann&lt;/b&gt; &amp; &quot;co&quot;,"), "the HTML part encodes it");
            Assert.That(mail.Html, Does.Not.Contain("<b>Ann"));
            Assert.That(mail.Html, Does.Contain("Acme &amp; Co"));
            Assert.That(mail.PlatformMessageId, Is.EqualTo(row.Id.ToString()));
            Assert.That(row.Template, Is.EqualTo("password_changed"));
            Assert.That(row.Provider, Is.EqualTo("smtp"));
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.ProviderMessageId, Is.EqualTo(mail.MessageId));
            Assert.That(row.ContentDropped, Is.True, "a sent message keeps no content");
            Assert.That(sink.To(email), Has.Count.EqualTo(1), "sent once");
        });
    }

    [Test]
    public async Task A_4xx_reply_is_retried_until_the_server_takes_the_message_which_arrives_once()
    {
        sink.Answer(n => n <= 2 ? SmtpSink.Reply(451, "4.3.0 Try again later") : SmtpSink.Reply(250, "Ok"));
        var email = NewEmail("busy");
        await ChangePasswordAsync(email);

        await sink.WaitForAsync(1, Soon, email);
        var row = await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        await Task.Delay(1500);

        Assert.Multiple(() =>
        {
            Assert.That(row.Attempts, Is.EqualTo(3));
            Assert.That(sink.Offered, Is.EqualTo(3));
            Assert.That(sink.To(email), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_5xx_reply_fails_the_message_at_once_with_the_servers_reason()
    {
        sink.Answer(_ => SmtpSink.Reply(550, "5.1.1 No such mailbox"));
        var email = NewEmail("refused");
        await ChangePasswordAsync(email);

        var row = await WaitForMessageAsync(email, r => r.Status == "failed", "failed");
        await Task.Delay(2500);

        Assert.Multiple(() =>
        {
            Assert.That(row.Attempts, Is.EqualTo(1));
            Assert.That(row.LastError, Does.StartWith("SMTP 550").And.Contain("No such mailbox"));
            Assert.That(row.ContentDropped, Is.True);
            Assert.That(sink.Offered, Is.EqualTo(1), "never retried");
            Assert.That(sink.To(email), Is.Empty);
        });
    }

    [Test]
    public async Task A_recipient_on_the_suppression_list_is_never_mailed_and_the_message_says_suppressed()
    {
        var email = NewEmail("bounced");
        await EmailTestData.SuppressAsync(Database.DataSource, email);

        await ChangePasswordAsync(email.ToLowerInvariant().Replace("bounced", "BOUNCED", StringComparison.Ordinal));

        var row = await WaitForMessageAsync(email, r => r.Status == "suppressed", "suppressed");
        await Task.Delay(1500);
        Assert.Multiple(() =>
        {
            Assert.That(row.Attempts, Is.Zero, "nothing was attempted");
            Assert.That(row.ContentDropped, Is.True);
            Assert.That(sink.Offered, Is.Zero);
        });
    }

    [Test]
    public async Task With_the_server_down_for_a_while_every_message_waits_and_then_arrives_exactly_once()
    {
        var emails = Enumerable.Range(1, 5).Select(i => NewEmail($"outage{i}")).ToArray();
        await sink.StopAsync();
        try
        {
            foreach (var email in emails)
            {
                await ChangePasswordAsync(email);
            }

            foreach (var email in emails)
            {
                var failing = await WaitForMessageAsync(email, r => r.Attempts >= 2, "retried at least once");
                Assert.That(failing.Status, Is.EqualTo("pending"));
                Assert.That(failing.LastError, Does.StartWith("SMTP"), "connection refused is a transient failure");
            }
        }
        finally
        {
            sink.Resume();
        }

        foreach (var email in emails)
        {
            await sink.WaitForAsync(1, Soon, email);
            await WaitForMessageAsync(email, r => r.Status == "sent", "sent");
        }

        await Task.Delay(1500);
        Assert.That(emails.Select(e => sink.To(e).Count), Is.All.EqualTo(1), "each once");
    }

    [Test]
    public async Task Two_instances_on_one_database_send_each_of_300_messages_exactly_once()
    {
        await using var second = new PlatformApiFactory(ApiDatabase.Instance, Settings);
        using (second.CreateClient())
        {
            // Started: the second instance runs its own outbox dispatcher and email worker.
        }

        var emails = Enumerable.Range(1, 300).Select(i => NewEmail($"pair{i}")).ToArray();
        await EmailTestData.QueuePasswordChangesAsync(Database.DataSource, emails, "Pair");

        var before = sink.Received.Count;
        await sink.WaitForAsync(before + 300, TimeSpan.FromSeconds(60));
        await Task.Delay(2000);
        var owners = await Database.CountAsync("(SELECT DISTINCT locked_by FROM email_messages WHERE status = 'sent') AS o");

        Assert.Multiple(() =>
        {
            Assert.That(sink.Received, Has.Count.EqualTo(before + 300), "300 messages, no more");
            Assert.That(emails.Select(e => sink.To(e).Count), Is.All.EqualTo(1), "each recipient once");
            Assert.That(sink.Offered, Is.EqualTo(300), "no message offered twice");
            Assert.That(sink.Sessions, Is.LessThanOrEqualTo(2 * 4), "each of the two instances' 4 lanes keeps its connection open across messages");
        });
        TestContext.Out.WriteLine($"instances that sent: {owners}");
    }
}
