using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class PrivacyAtRestTests(AppFixture app)
{
    [Fact]
    public async Task Id_and_phone_numbers_are_stored_encrypted_with_a_key_id_masked_forms_and_a_blind_index()
    {
        var id = (await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online())).GetProperty("id").GetGuid();
        var citizen = Personas.Find("citizen")!;

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id_number_encrypted, phone_encrypted, id_number_masked, phone_masked, id_number_blind_index FROM complainant_identities WHERE complaint_id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var row = await command.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        var idEncrypted = row.GetString(0);
        var phoneEncrypted = row.GetString(1);
        Assert.StartsWith("v1:dev-2026:", idEncrypted, StringComparison.Ordinal);
        Assert.StartsWith("v1:dev-2026:", phoneEncrypted, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber!, idEncrypted, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Phone!, phoneEncrypted, StringComparison.Ordinal);
        Assert.Equal("530102********123X", row.GetString(2));
        Assert.Equal("138****5678", row.GetString(3));
        Assert.Equal(64, row.GetString(4).Length);
    }

    [Fact]
    public async Task The_whole_database_holds_no_plaintext_id_number_or_phone()
    {
        await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var citizen = Personas.Find("citizen")!;
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE t::text LIKE '%' || @id || '%' OR t::text LIKE '%' || @phone || '%'", connection);
            search.Parameters.AddWithValue("id", citizen.IdNumber!);
            search.Parameters.AddWithValue("phone", citizen.Phone!);
            Assert.Equal(0L, (long)(await search.ExecuteScalarAsync())!);
        }
    }
}
