using System.Diagnostics;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// Email with API processes on one PostgreSQL database and a real SMTP server: an instance killed with SIGKILL while
/// its sends are in flight loses nothing; another takes its messages over when their leases run out, and each
/// recipient gets its mail once.
/// </summary>
[NonParallelizable]
public sealed class EmailDeliveryProcessTests
{
    private TestDatabase database = null!;
    private SmtpSink sink = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        database = await TestDatabase.CreateAsync("email_process");
        sink = SmtpSink.Start();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Messages_claimed_by_an_instance_killed_with_SIGKILL_mid_send_are_sent_once_by_another_after_their_lease()
    {
        const int messages = 8;
        var settings = new Dictionary<string, string>
        {
            ["Email__Provider"] = "smtp",
            ["Email__From"] = "Platform Tests <no-reply@platform.test>",
            ["Email__Smtp__Host"] = sink.Host,
            ["Email__Smtp__Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__UseStartTls"] = "false",
            ["Email__Delivery__MaxConcurrency"] = "4",
            // A's held sends must not time out (and be retried, offering more) before A is killed: starting B takes
            // a few seconds, more on a loaded machine, so the timeout leaves room for it; the lease is over twice it.
            ["Email__Delivery__Timeout"] = "00:00:20",
            ["Email__Delivery__LeaseDuration"] = "00:00:42",
            ["Email__Delivery__RetryScheduleSeconds"] = "1,1,1",
            ["Email__Delivery__CircuitMinimumThroughput"] = "1000",
        };
        sink.Answer(_ => SmtpSink.Reply(250, "Ok"));
        sink.Hold(true);
        var emails = Enumerable.Range(1, messages).Select(i => $"killed{i}-{Guid.NewGuid():N}@example.com").ToArray();

        await using var a = await ApiInstance.StartAsync(database, settings);
        await EmailTestData.QueuePasswordChangesAsync(database.DataSource, emails, "Kill");

        // A's four lanes are each inside a DATA phase the sink does not answer; the other four messages wait behind them.
        await WaitUntilAsync(() => sink.Offered >= 4, "A's lanes to be sending");
        await WaitUntilAsync(async () => await database.CountAsync("email_messages", "locked_until > now()") == messages, "A to hold every lease");
        var leasedToA = await LeaseHoldersAsync();
        await using var b = await ApiInstance.StartAsync(database, settings);
        var offeredBeforeKill = sink.Offered;
        var killedAt = Stopwatch.StartNew();
        a.Kill();
        sink.Hold(false);

        await sink.WaitForAsync(messages, TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => await database.CountAsync("email_messages", "status = 'sent'") == messages, "every message to be sent");
        var sentAfter = killedAt.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var owners = await OwnersAsync();
        await TestContext.Out.WriteLineAsync($"A killed with {offeredBeforeKill} sends in flight; all {messages} sent by B {sentAfter.TotalSeconds:0.0} s later");

        Assert.Multiple(() =>
        {
            Assert.That(leasedToA, Has.Count.EqualTo(messages));
            Assert.That(leasedToA.All(a.Owns), Is.True, "A held every lease: " + string.Join(", ", leasedToA));
            Assert.That(offeredBeforeKill, Is.EqualTo(4), "A had one message in flight per lane, and B sent nothing while A's leases held");
            Assert.That(emails.Select(e => sink.To(e).Count), Is.All.EqualTo(1), "each recipient once: nothing lost, nothing doubled");
            Assert.That(owners.All(b.Owns), Is.True, "B sent them all: " + string.Join(", ", owners));
            Assert.That(sentAfter, Is.GreaterThan(TimeSpan.FromSeconds(5)), "B waited for A's leases to run out");
        });
    }

    private static async Task WaitUntilAsync(Func<bool> done, string what) => await WaitUntilAsync(() => Task.FromResult(done()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> done, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"Waited 60 s for {what}.");
            }

            await Task.Delay(100);
        }
    }

    private async Task<List<string>> LeaseHoldersAsync() =>
        await ReadStringsAsync("SELECT locked_by FROM email_messages WHERE status = 'pending' AND locked_until > now()");

    private async Task<List<string>> OwnersAsync() =>
        await ReadStringsAsync("SELECT locked_by FROM email_messages WHERE status = 'sent'");

    private async Task<List<string>> ReadStringsAsync(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
