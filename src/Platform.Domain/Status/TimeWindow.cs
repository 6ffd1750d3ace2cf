namespace Platform.Domain.Status;

/// <summary>A half-open span of time [<see cref="Start"/>, <see cref="End"/>); empty when End is not after Start.</summary>
public readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End);
