using NUnit.Framework;
using Platform.Domain.Common;
using Platform.Domain.Email;

namespace Platform.Domain.Tests.Email;

/// <summary>The suppression list's rules: one normalized key per address, and a complaint that is never lifted.</summary>
[TestFixture]
public class EmailSuppressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_address_is_kept_in_its_normalized_form_so_any_capitalisation_matches()
    {
        var suppression = EmailSuppression.Manual("  Ann.Lee@Example.com ", "  by phone  ", Now);

        Assert.Multiple(() =>
        {
            Assert.That(suppression.Email, Is.EqualTo("ANN.LEE@EXAMPLE.COM"));
            Assert.That(suppression.Reason, Is.EqualTo(SuppressionReason.Manual));
            Assert.That(suppression.Source, Is.EqualTo("admin"));
            Assert.That(suppression.Note, Is.EqualTo("by phone"));
            Assert.That(suppression.Id, Is.Not.EqualTo(Guid.Empty));
        });
    }

    [Test]
    public void A_manual_suppression_needs_a_valid_address_and_a_short_note()
    {
        Assert.Throws<ArgumentException>(() => EmailSuppression.Manual("not an address", null, Now));
        Assert.Throws<ArgumentException>(() => EmailSuppression.Manual("ann@example.com", new string('x', EmailSuppression.MaxNoteLength + 1), Now));
    }

    [Test]
    public void A_complaint_cannot_be_removed()
    {
        var complaint = EmailSuppression.FromProvider("ann@example.com", SuppressionReason.Complaint, "postmark", Now);

        var refused = Assert.Throws<DomainException>(complaint.EnsureRemovable)!;

        Assert.That(refused.Code, Is.EqualTo(EmailErrorCodes.ComplaintIsPermanent));
        Assert.That(refused.Kind, Is.EqualTo(DomainErrorKind.Conflict));
    }

    [TestCase(SuppressionReason.HardBounce)]
    [TestCase(SuppressionReason.SoftBounce)]
    [TestCase(SuppressionReason.Unsubscribe)]
    public void Other_provider_suppressions_can_be_removed(SuppressionReason reason)
    {
        var suppression = EmailSuppression.FromProvider("ann@example.com", reason, "resend", Now);

        Assert.DoesNotThrow(suppression.EnsureRemovable);
        Assert.DoesNotThrow(EmailSuppression.Manual("ann@example.com", null, Now).EnsureRemovable);
    }

    [Test]
    public void A_provider_cannot_claim_a_manual_reason() =>
        Assert.Throws<ArgumentException>(() => EmailSuppression.FromProvider("ann@example.com", SuppressionReason.Manual, "postmark", Now));

    [Test]
    public void A_complaint_reported_for_an_address_already_suppressed_for_another_reason_makes_it_permanent()
    {
        var bounced = EmailSuppression.FromProvider("ann@example.com", SuppressionReason.HardBounce, "postmark", Now);
        var manual = EmailSuppression.Manual("bob@example.com", null, Now);

        var bouncedChanged = bounced.Escalate(SuppressionReason.Complaint, "resend");
        var manualChanged = manual.Escalate(SuppressionReason.Complaint, "postmark");

        Assert.Multiple(() =>
        {
            Assert.That(bouncedChanged, Is.True);
            Assert.That(bounced.Reason, Is.EqualTo(SuppressionReason.Complaint));
            Assert.That(bounced.Source, Is.EqualTo("resend"), "the entry names who reported the complaint");
            Assert.That(manualChanged, Is.True);
            Assert.That(() => manual.EnsureRemovable(), Throws.TypeOf<DomainException>(), "an admin's entry becomes a complaint too, and stays");
        });
    }

    [TestCase(SuppressionReason.HardBounce)]
    [TestCase(SuppressionReason.SoftBounce)]
    [TestCase(SuppressionReason.Unsubscribe)]
    public void Any_other_report_for_an_address_already_suppressed_leaves_the_entry_as_it_was(SuppressionReason reason)
    {
        var complaint = EmailSuppression.FromProvider("ann@example.com", SuppressionReason.Complaint, "postmark", Now);
        var manual = EmailSuppression.Manual("bob@example.com", "asked by phone", Now);

        Assert.Multiple(() =>
        {
            Assert.That(complaint.Escalate(reason, "resend"), Is.False);
            Assert.That(complaint.Reason, Is.EqualTo(SuppressionReason.Complaint));
            Assert.That(complaint.Source, Is.EqualTo("postmark"));
            Assert.That(manual.Escalate(reason, "resend"), Is.False);
            Assert.That(manual.Reason, Is.EqualTo(SuppressionReason.Manual));
        });
    }
}
