namespace Platform.Application.Common.Messaging;

/// <summary>Untyped view of <see cref="Optional{T}"/> for serializers.</summary>
public interface IOptional
{
    bool HasValue { get; }

    object? BoxedValue { get; }
}
