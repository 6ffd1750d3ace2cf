using System.Reflection;
using System.Reflection.Emit;

namespace Platform.Architecture.Tests.Rules;

/// <summary>A type that another type depends on, and where the dependency was seen.</summary>
public sealed record TypeReference(Type Target, string Via);

/// <summary>
/// Collects the types a type depends on through its signatures (base type, interfaces, fields, properties,
/// events, constructor and method parameters and returns) and, optionally, through its method bodies (local
/// variables and every type, method and field token in the IL). Generic arguments, arrays and by-refs are
/// unwrapped, so <c>Task&lt;List&lt;X&gt;&gt;</c> counts as a use of <c>X</c>.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static IReadOnlyList<TypeReference> Of(Type type, bool includeMethodBodies)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = new List<TypeReference>();
        void Add(Type? target, string via) => Unwrap(target, via, found);

        Add(type.BaseType, "base type");
        foreach (var implemented in type.GetInterfaces())
        {
            Add(implemented, "interface");
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, $"field {field.Name}");
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, $"property {property.Name}");
            foreach (var index in property.GetIndexParameters())
            {
                Add(index.ParameterType, $"indexer parameter {index.Name} of {property.Name}");
            }
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            Add(@event.EventHandlerType, $"event {@event.Name}");
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                Add(parameter.ParameterType, $"constructor parameter {parameter.Name}");
            }

            if (includeMethodBodies)
            {
                AddBody(constructor, found);
            }
        }

        foreach (var method in type.GetMethods(Declared))
        {
            Add(method.ReturnType, $"return type of {method.Name}");
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, $"parameter {parameter.Name} of {method.Name}");
            }

            if (includeMethodBodies)
            {
                AddBody(method, found);
            }
        }

        return found;
    }

    private static void AddBody(MethodBase method, List<TypeReference> found)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Unwrap(local.LocalType, $"local variable in {method.Name}", found);
        }

        var via = $"body of {method.Name}";
        foreach (var member in IlMembers.Of(method))
        {
            switch (member)
            {
                case Type referenced:
                    Unwrap(referenced, via, found);
                    break;
                case FieldInfo field:
                    Unwrap(field.DeclaringType, via, found);
                    Unwrap(field.FieldType, via, found);
                    break;
                case MethodBase called:
                    Unwrap(called.DeclaringType, via, found);
                    if (called is MethodInfo info)
                    {
                        Unwrap(info.ReturnType, via, found);
                        if (info.IsGenericMethod)
                        {
                            foreach (var argument in info.GetGenericArguments())
                            {
                                Unwrap(argument, via, found);
                            }
                        }
                    }

                    foreach (var parameter in called.GetParameters())
                    {
                        Unwrap(parameter.ParameterType, via, found);
                    }

                    break;
            }
        }
    }

    private static void Unwrap(Type? type, string via, List<TypeReference> found)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Unwrap(type.GetElementType(), via, found);
            return;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            Unwrap(type.GetGenericTypeDefinition(), via, found);
            foreach (var argument in type.GetGenericArguments())
            {
                Unwrap(argument, via, found);
            }

            return;
        }

        found.Add(new TypeReference(type, via));
    }
}

/// <summary>Reads a method's IL and resolves the type, method and field tokens it uses.</summary>
internal static class IlMembers
{
    private static readonly OpCode?[] OneByte = BuildTable(twoByte: false);
    private static readonly OpCode?[] TwoByte = BuildTable(twoByte: true);

    public static IEnumerable<MemberInfo> Of(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var members = new List<MemberInfo>();
        var position = 0;
        while (position < il.Length)
        {
            var first = il[position++];
            var opCode = first == 0xFE ? TwoByte[il[position++]] : OneByte[first];
            if (opCode is not { } op)
            {
                throw new InvalidOperationException($"Unknown IL opcode 0x{first:X2} in {method.DeclaringType}.{method.Name} at {position - 1}.");
            }

            switch (op.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    if (method.Module.ResolveMember(token, typeArguments, methodArguments) is { } member)
                    {
                        members.Add(member);
                    }

                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(op.OperandType);
                    break;
            }
        }

        return members;
    }

    private static int OperandSize(OperandType operandType) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static OpCode?[] BuildTable(bool twoByte)
    {
        var table = new OpCode?[256];
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode op && (op.Size == 2) == twoByte)
            {
                table[(ushort)op.Value & 0xFF] = op;
            }
        }

        return table;
    }
}
