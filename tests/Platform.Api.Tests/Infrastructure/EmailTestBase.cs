using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>One email message as <c>email_messages</c> holds it.</summary>
public sealed record EmailRow(Guid Id, string Template, string Status, int Attempts, string? LastError, string? Provider, string? ProviderMessageId, bool ContentDropped, string? LockedBy);

/// <summary>Email tests: accounts whose security events send mail, and the messages' rows read from the database.</summary>
public abstract class EmailTestBase : ApiTestBase
{
    protected const string NewPassword = "a new and longer password";

    protected static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    /// <summary>Every test's email settings: retries a second apart, short timeouts, and no circuit breaking unless a test asks.</summary>
    protected static IDictionary<string, string?> FastDelivery(IDictionary<string, string?> provider) =>
        new Dictionary<string, string?>(provider)
        {
            ["Email:Delivery:RetryScheduleSeconds"] = "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
            // No test waits on a send timeout, so it is generous: a send that merely ran slow on a loaded machine
            // must not count as failed and be sent again (the receiving sink would see it twice).
            ["Email:Delivery:Timeout"] = "00:00:10",
            ["Email:Delivery:LeaseDuration"] = "00:00:25",
            ["Email:Delivery:PollInterval"] = "00:00:01",
            ["Email:Delivery:CircuitMinimumThroughput"] = "1000",
        };

    protected static string NewEmail(string label) => $"{label}-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers <paramref name="email"/> and changes its password, which mails the account holder (template password_changed).</summary>
    protected async Task ChangePasswordAsync(string email, string displayName = "Test")
    {
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = displayName });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        using var client = Client(await TokenAsync(email));
        var body = new JsonObject { ["current_password"] = Password, ["new_password"] = NewPassword };
        var changed = await SendAsync(client, HttpMethod.Post, "/api/v1/auth/password", body.ToJsonString());
        Assert.That((int)changed.StatusCode, Is.EqualTo(204).Or.EqualTo(200), await changed.Content.ReadAsStringAsync());
    }

    /// <summary>The messages to the address, without the confirmation mail its registration sent (see <see cref="SmtpSink.KeepVerificationMail"/>).</summary>
    protected async Task<IReadOnlyList<EmailRow>> MessagesToAsync(string email)
    {
        await using var command = Database.DataSource.CreateCommand(
            """
            SELECT id, template, status, attempts, last_error, provider, provider_message_id, content IS NULL, locked_by
            FROM email_messages WHERE recipient_key = upper($1) AND template <> 'email_verification' ORDER BY created_at, id
            """);
        command.Parameters.AddWithValue(email);
        var rows = new List<EmailRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EmailRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return rows;
    }

    /// <summary>Waits until <paramref name="email"/>'s one message satisfies <paramref name="done"/>, or fails the test.</summary>
    protected async Task<EmailRow> WaitForMessageAsync(string email, Func<EmailRow, bool> done, string what)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var rows = await MessagesToAsync(email);
            if (rows.Count == 1 && done(rows[0]))
            {
                return rows[0];
            }

            if (waited.Elapsed > Soon)
            {
                Assert.Fail($"The message to {email} did not become {what} in {Soon.TotalSeconds} s: {string.Join("; ", rows)}");
            }

            await Task.Delay(50);
        }
    }
}
