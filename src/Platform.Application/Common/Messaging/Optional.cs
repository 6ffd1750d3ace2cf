namespace Platform.Application.Common.Messaging;

/// <summary>
/// A value that may be absent, distinct from null: merge-patch bodies use it so that a property that is missing
/// leaves the field alone while an explicit <c>null</c> clears it.
/// </summary>
public readonly record struct Optional<T> : IOptional
{
    public Optional(T value)
    {
        Value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value { get; }

    object? IOptional.BoxedValue => Value;

    public static Optional<T> Absent => default;

    public static implicit operator Optional<T>(T value) => new(value);

    public T GetValueOrDefault(T fallback) => HasValue ? Value : fallback;
}
