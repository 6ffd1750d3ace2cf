namespace Platform.Application.Email.Inbound;

/// <summary>
/// What one provider payload means for email: the reports to record, an address whose suppression the provider
/// lifted, or why the payload cannot be read. A payload with none of these (an open, a click) changes nothing.
/// </summary>
public sealed record EmailEventInterpretation(IReadOnlyList<ProviderEmailEvent> Reports, string? LiftedRecipient = null, string? Problem = null)
{
    public static EmailEventInterpretation Nothing { get; } = new([]);

    public static EmailEventInterpretation Unreadable(string problem) => new([], null, problem);
}
