namespace Platform.Application.Email.Inbound;

/// <summary>Hands a provider payload's interpretation to the recorder, the same way for every provider.</summary>
internal static class EmailEventApplier
{
    public static async Task ApplyAsync(EmailEventRecorder recorder, EmailEventInterpretation reading, string provider, CancellationToken cancellationToken)
    {
        if (reading.Problem is not null)
        {
            // Checked when the event was received; a payload stored before a rule changed can still fail here.
            throw new InvalidDataException(reading.Problem);
        }

        foreach (var report in reading.Reports)
        {
            await recorder.RecordAsync(report, cancellationToken);
        }

        if (reading.LiftedRecipient is { } lifted)
        {
            await recorder.LiftAsync(lifted, provider, cancellationToken);
        }
    }
}
