using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NUnit.Framework;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Identity.Commands.RegisterUser;
using Platform.Application.Status.Commands.ScheduleMaintenance;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;

namespace Platform.Application.Tests.Common;

/// <summary>
/// The request fingerprint is written in one pass now; it must stay the bytes it was (serialise to a node, remove
/// the key, write it), or a client retrying across an upgrade would get 422 <c>idempotency.key_reused</c> for its
/// own request.
/// </summary>
public sealed class RequestFingerprintTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 24, 22, 0, 0, TimeSpan.FromHours(1)).AddTicks(1234567);

    private static IEnumerable<TestCaseData> Requests()
    {
        yield return new TestCaseData(new CreateTicketCommand("Printer on fire", "Third floor", "high", "key-1")) { TestName = "{m}(create)" };
        yield return new TestCaseData(new CreateTicketCommand("<b>\"é\"</b> 😀\n\\", new string('x', 3000), null, "key-2")) { TestName = "{m}(create, escapes and a long body)" };
        yield return new TestCaseData(new UpdateTicketCommand(Guid.CreateVersion7(), "New", default, default, "open", (Guid?)null, [3], "key-3")) { TestName = "{m}(update, optionals)" };
        yield return new TestCaseData(new RegisterUserCommand("someone@example.com", "correct horse battery", "Someone", "key-4")) { TestName = "{m}(register)" };
        yield return new TestCaseData(new ScheduleMaintenanceCommand("Database upgrade", Start, Start.AddHours(2), [Guid.CreateVersion7()], "Short", "key-5")) { TestName = "{m}(timestamps with an offset)" };
    }

    [TestCaseSource(nameof(Requests))]
    public void The_fingerprint_is_the_one_earlier_versions_stored(object request)
    {
        var operation = request.GetType().Name;
        var node = JsonSerializer.SerializeToNode(request, request.GetType(), ApplicationJson.Exact)!.AsObject();
        node.Remove("idempotency_key");
        var before = Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(operation + "\n" + node.ToJsonString(ApplicationJson.Exact))));

        Assert.That(Compute(request, operation), Is.EqualTo(before));
    }

    [Test]
    public void The_key_is_left_out_and_every_field_counts()
    {
        var request = new CreateTicketCommand("Printer", "On fire", null, "key-1");
        var fingerprint = RequestFingerprint.Compute(Secret, "CreateTicketCommand", request);

        Assert.Multiple(() =>
        {
            Assert.That(RequestFingerprint.Compute(Secret, "CreateTicketCommand", request with { IdempotencyKey = "key-2" }), Is.EqualTo(fingerprint));
            Assert.That(RequestFingerprint.Compute(Secret, "CreateTicketCommand", request with { Body = "On fire!" }), Is.Not.EqualTo(fingerprint));
            Assert.That(RequestFingerprint.Compute(Secret, "CreateTicketCommand", request with { Priority = "low" }), Is.Not.EqualTo(fingerprint));
            Assert.That(RequestFingerprint.Compute(Secret, "OtherCommand", request), Is.Not.EqualTo(fingerprint));
            Assert.That(RequestFingerprint.Compute(RandomNumberGenerator.GetBytes(32), "CreateTicketCommand", request), Is.Not.EqualTo(fingerprint));
        });
    }

    private static string Compute(object request, string operation) => request switch
    {
        CreateTicketCommand create => RequestFingerprint.Compute(Secret, operation, create),
        UpdateTicketCommand update => RequestFingerprint.Compute(Secret, operation, update),
        RegisterUserCommand register => RequestFingerprint.Compute(Secret, operation, register),
        ScheduleMaintenanceCommand maintenance => RequestFingerprint.Compute(Secret, operation, maintenance),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };
}
