using System.Text;

namespace Complaints.Api.Statistics;

/// <summary>
/// The rollups the statistics read (#16 item 3, docs/decisions/statistics-rollups.md): per day and per month of receipt
/// (CST), division and respondent agency, one column per rolled-up figure of the domain's table
/// (<see cref="StatisticsFigures.RolledUp"/>), and the received count per service item. This class writes their SQL from the
/// figures, so they are stated once: <c>statistics_figures(c)</c> is each figure's own SQL condition, evaluated for one
/// case; the trigger on every change of a case (and of its rectifications and revisits) subtracts what the case counted
/// before and adds what it counts now, in the statement that changed it; <c>statistics_rebuild()</c> (the migration, the
/// benchmark's seeder) counts the same per-case rows (the view statistics_case_rows). The migration embeds the generated text;
/// <c>StatisticsRollupTests</c> fails when the figures and the embedded text part.
/// </summary>
public static class StatisticsRollups
{
    /// <summary>The embedded SQL of the newest migration that (re)created the rollups from the figures.</summary>
    public const string MigrationSqlFile = "Persistence/Migrations/Issue16RollupInsert/statistics-rollups.sql";

    /// <summary>
    /// The rows one case's day of receipt (<c>day</c> of the row <paramref name="s"/>) adds to: its day (<c>d</c>), its month (<c>m</c>) and its calendar year
    /// (<c>y</c>), so that a period reads its whole years from year rows, its other whole months from month rows and only
    /// the rest from day rows (StatisticsQuery): a province's year is then one row per agency, not twelve (session 6).
    /// </summary>
    private static string Grains(string s) =>
        $"(VALUES ('d', {s}.day), ('m', date_trunc('month', {s}.day)::date), ('y', date_trunc('year', {s}.day)::date)) AS g(grain, start)";

    /// <summary>A rolled-up figure's column in <c>statistics_rollup</c>: its key.</summary>
    public static string Column(string key) => $"\"{key}\"";

    private static IEnumerable<string> Keys => StatisticsFigures.RolledUp.Select(f => f.Figure.Key);

    /// <summary>
    /// The columns of a case's <c>statistics_cases</c> row, from the case <paramref name="c"/> and the rows of its rectifications
    /// (<paramref name="r"/>) and latest revisit (<paramref name="lr"/>): the view's, and the trigger's for a new case (no parts).
    /// </summary>
    private static string CaseRow(string c, string r, string lr) => $"""
        {c}.id AS complaint_id, ({c}.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, {c}.region_code, {c}.respondent_agency_id,
                 coalesce(btrim({c}.service_item_name), '') AS service_item,
                 statistics_figures({c}, {r}::statistics_rectification, {lr}::statistics_revisit) AS figures
        """;

    private static string Each(string separator, Func<string, string> line) => string.Join(separator, Keys.Select(line));

    /// <summary>
    /// Adds one case's <paramref name="delta"/> of each figure (an SQL expression per key, evaluated once, not once per grain)
    /// to the rows of its day, month and year, for the case's row of <c>statistics_cases</c> named <paramref name="s"/>.
    /// </summary>
    private static string RollupUpsert(string s, Func<string, string> delta) => $"""
        WITH d AS MATERIALIZED (SELECT
            {Each(",\n    ", k => $"{delta(k)} AS {Column(k)}")})
        INSERT INTO statistics_rollup AS t (grain, start, region_code, respondent_agency_id,
          {Each(", ", Column)})
        SELECT g.grain, g.start, {s}.region_code, {s}.respondent_agency_id,
          {Each(", ", k => $"d.{Column(k)}")}
        FROM d, {Grains(s)}
        ON CONFLICT (grain, start, region_code, respondent_agency_id) DO UPDATE SET
          {Each(",\n  ", k => $"{Column(k)} = t.{Column(k)} + excluded.{Column(k)}")}
        """;

    /// <summary>Adds <paramref name="delta"/> to the received count of the case's service item in its day, month and year.</summary>
    private static string ItemUpsert(string s, string delta) => $"""
        INSERT INTO statistics_items AS t (grain, start, region_code, item, n)
        SELECT g.grain, g.start, {s}.region_code, {s}.service_item, {delta}
        FROM {Grains(s)}
        WHERE {s}.service_item <> ''
        ON CONFLICT (grain, start, region_code, item) DO UPDATE SET n = t.n + excluded.n
        """;

    /// <summary>The whole SQL of the rollups, as the migration runs it.</summary>
    public static string Generate()
    {
        var sql = new StringBuilder();
        sql.Append($"""
            -- GENERATED from the figures (Domain/Reporting/Figures, Api/Statistics/StatisticsFigures) by
            -- Statistics/StatisticsRollups.Generate(); StatisticsRollupTests compares. Do not edit: a change of the figures is a new
            -- migration with the regenerated text and a rebuild (docs/decisions/statistics-rollups.md).

            -- What each case counts in, as last added to the rollups: the trigger subtracts exactly this before it adds the new.
            CREATE TABLE statistics_cases (
              complaint_id uuid PRIMARY KEY,
              day date NOT NULL,
              region_code character(6) NOT NULL,
              respondent_agency_id uuid NOT NULL,
              service_item text NOT NULL,
              figures text[] NOT NULL);

            -- grain 'd': one day of receipt (CST), 'm': the month starting on start, 'y': the calendar year starting on start.
            -- One column per rolled-up figure.
            CREATE TABLE statistics_rollup (
              grain character(1) NOT NULL,
              start date NOT NULL,
              region_code character(6) NOT NULL,
              respondent_agency_id uuid NOT NULL,
              {Each(",\n  ", k => $"{Column(k)} integer NOT NULL DEFAULT 0")},
              PRIMARY KEY (grain, start, region_code, respondent_agency_id)) WITH (fillfactor = 80);
            CREATE INDEX ix_statistics_rollup_region ON statistics_rollup (region_code, grain, start);
            CREATE INDEX ix_statistics_rollup_agency ON statistics_rollup (respondent_agency_id, grain, start);

            -- The received count per service item (the top service items), blank names left out.
            CREATE TABLE statistics_items (
              grain character(1) NOT NULL,
              start date NOT NULL,
              region_code character(6) NOT NULL,
              item text NOT NULL,
              n integer NOT NULL,
              PRIMARY KEY (grain, start, region_code, item)) WITH (fillfactor = 80);
            CREATE INDEX ix_statistics_items_region ON statistics_items (region_code, grain, start);

            -- The live figures (overdue now) are counted at each request over the open cases: their own small index.
            CREATE INDEX ix_complaints_open_by_receipt ON complaints (received_at) INCLUDE (region_code, respondent_agency_id, running_due_at)
              WHERE running_due_at IS NOT NULL;

            -- What the figures read of a case's rectifications (r) and latest revisit (lr), as StatisticsFigures' conditions name them.
            CREATE TYPE statistics_rectification AS (complaint_id uuid, verified boolean);
            CREATE TYPE statistics_revisit AS (complaint_id uuid, rating text);

            -- The keys of the rolled-up figures one case counts in: each figure's SQL condition (StatisticsFigures), for this case.
            -- One expression without FROM, so PostgreSQL inlines it into the query that calls it.
            CREATE FUNCTION statistics_figures(c complaints, r statistics_rectification, lr statistics_revisit) RETURNS text[]
              LANGUAGE sql STABLE AS $$
              SELECT array_remove(ARRAY[
                {Each(",\n    ", k => $"CASE WHEN {StatisticsFigures.Sql[k]} THEN '{k}' END")}
              ]::text[], NULL)
            $$;

            -- Each case's row of statistics_cases: where it counts (day of receipt in CST, division, agency, item) and in what.
            -- The trigger reads one case of it, the rebuild all of them.
            CREATE VIEW statistics_case_rows AS
              SELECT {CaseRow("c", "ROW(r.complaint_id, r.verified)", "ROW(lr.complaint_id, lr.rating)")}
              FROM complaints c
              {StatisticsFigures.PartsSql.Replace("\n", "\n  ", StringComparison.Ordinal)};

            -- Adds (plus) and subtracts (minus) one case's figures in its day, its month and its year. PL/pgSQL, whose plans a session keeps:
            -- a SQL function called from the trigger is planned again on every call.
            CREATE FUNCTION statistics_apply(s statistics_cases, plus text[], minus text[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              {RollupUpsert("s", k => $"('{k}' = ANY(plus))::int - ('{k}' = ANY(minus))::int").Replace("\n", "\n  ", StringComparison.Ordinal)};
            END $$;

            CREATE FUNCTION statistics_apply_item(s statistics_cases, delta integer) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              {ItemUpsert("s", "delta").Replace("\n", "\n  ", StringComparison.Ordinal)};
            END $$;

            -- One case changed (or its rectifications or revisits did): the rollups lose what it counted and gain what it counts,
            -- in the changing transaction. Its statistics_cases row is locked first, so two writers of one case apply in turn.
            CREATE FUNCTION statistics_refresh(case_id uuid) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
              was statistics_cases;
              now_ statistics_cases;
              had boolean;
              has boolean;
            BEGIN
              SELECT * INTO was FROM statistics_cases WHERE complaint_id = case_id FOR UPDATE;
              had := FOUND;
              SELECT * INTO now_ FROM statistics_case_rows WHERE complaint_id = case_id;
              has := FOUND;
              IF had AND has AND (was.day, was.region_code, was.respondent_agency_id) = (now_.day, now_.region_code, now_.respondent_agency_id) THEN
                IF was.figures IS DISTINCT FROM now_.figures THEN
                  PERFORM statistics_apply(now_, now_.figures, was.figures);
                END IF;
              ELSE
                IF had THEN PERFORM statistics_apply(was, '{"{}"}', was.figures); END IF;
                IF has THEN PERFORM statistics_apply(now_, now_.figures, '{"{}"}'); END IF;
              END IF;
              IF NOT (had AND has AND (was.day, was.region_code, was.service_item) = (now_.day, now_.region_code, now_.service_item)) THEN
                IF had THEN PERFORM statistics_apply_item(was, -1); END IF;
                IF has THEN PERFORM statistics_apply_item(now_, 1); END IF;
              END IF;
              IF NOT has THEN
                DELETE FROM statistics_cases WHERE complaint_id = case_id;
              ELSIF NOT had THEN
                INSERT INTO statistics_cases SELECT now_.*;
              ELSIF was IS DISTINCT FROM now_ THEN
                UPDATE statistics_cases SET day = now_.day, region_code = now_.region_code, respondent_agency_id = now_.respondent_agency_id,
                  service_item = now_.service_item, figures = now_.figures
                WHERE complaint_id = case_id;
              END IF;
            END $$;

            -- A new case (the work of every submission) is added without statistics_refresh's reads: it has counted in nothing yet
            -- (its statistics_cases row is inserted here, so a leftover one would fail the insert, never miscount), and it has no
            -- rectification or revisit yet (their foreign keys need the case first), so its row of statistics_case_rows is NEW's
            -- with no parts: the same expressions, without reading the case back or locking a row no other transaction can see.
            CREATE FUNCTION statistics_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              now_ statistics_cases;
            BEGIN
              IF TG_OP = 'INSERT' THEN
                SELECT {CaseRow("NEW", "ROW(NULL, NULL)", "ROW(NULL, NULL)")} INTO now_;
                {RollupUpsert("now_", k => $"('{k}' = ANY(now_.figures))::int").Replace("\n", "\n    ", StringComparison.Ordinal)};
                {ItemUpsert("now_", "1").Replace("\n", "\n    ", StringComparison.Ordinal)};
                INSERT INTO statistics_cases SELECT now_.*;
              ELSIF TG_OP = 'DELETE' THEN
                PERFORM statistics_refresh(OLD.id);
              ELSE
                PERFORM statistics_refresh(NEW.id);
              END IF;
              RETURN NULL;
            END $$;

            CREATE FUNCTION statistics_case_part_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'DELETE' THEN PERFORM statistics_refresh(OLD.complaint_id); ELSE PERFORM statistics_refresh(NEW.complaint_id); END IF;
              RETURN NULL;
            END $$;

            CREATE TRIGGER statistics_insert_delete AFTER INSERT OR DELETE ON complaints
              FOR EACH ROW EXECUTE FUNCTION statistics_case_changed();
            CREATE TRIGGER statistics_update AFTER UPDATE ON complaints
              FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION statistics_case_changed();
            CREATE TRIGGER statistics_rectifications AFTER INSERT OR UPDATE OR DELETE ON complaint_rectifications
              FOR EACH ROW EXECUTE FUNCTION statistics_case_part_changed();
            CREATE TRIGGER statistics_revisits AFTER INSERT OR UPDATE OR DELETE ON complaint_revisits
              FOR EACH ROW EXECUTE FUNCTION statistics_case_part_changed();

            -- The rollups counted again from every case (the migration; the benchmark's seeder after its COPY, whose replica
            -- role fires no trigger). Run it while nothing writes cases.
            CREATE FUNCTION statistics_rebuild() RETURNS void LANGUAGE sql AS $$
              TRUNCATE statistics_cases, statistics_rollup, statistics_items;
              INSERT INTO statistics_cases SELECT * FROM statistics_case_rows;
              INSERT INTO statistics_rollup (grain, start, region_code, respondent_agency_id,
                {Each(", ", Column)})
              SELECT g.grain, g.start, s.region_code, s.respondent_agency_id,
                {Each(",\n    ", k => $"count(*) FILTER (WHERE '{k}' = ANY(s.figures))")}
              FROM statistics_cases s, LATERAL {Grains("s")}
              GROUP BY g.grain, g.start, s.region_code, s.respondent_agency_id
              ORDER BY g.grain, g.start;
              INSERT INTO statistics_items (grain, start, region_code, item, n)
              SELECT g.grain, g.start, s.region_code, s.service_item, count(*)
              FROM statistics_cases s, LATERAL {Grains("s")}
              WHERE s.service_item <> ''
              GROUP BY g.grain, g.start, s.region_code, s.service_item
              ORDER BY g.grain, g.start;
            $$;

            SELECT statistics_rebuild();

            """);
        return sql.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Dropped in the reverse order (the migration's Down).</summary>
    public const string DropSql = """
        DROP TRIGGER statistics_insert_delete ON complaints;
        DROP TRIGGER statistics_update ON complaints;
        DROP TRIGGER statistics_rectifications ON complaint_rectifications;
        DROP TRIGGER statistics_revisits ON complaint_revisits;
        DROP FUNCTION statistics_case_changed();
        DROP FUNCTION statistics_case_part_changed();
        DROP FUNCTION statistics_rebuild();
        DROP FUNCTION statistics_refresh(uuid);
        DROP FUNCTION statistics_apply_item(statistics_cases, integer);
        DROP FUNCTION statistics_apply(statistics_cases, text[], text[]);
        DROP VIEW statistics_case_rows;
        DROP FUNCTION statistics_figures(complaints, statistics_rectification, statistics_revisit);
        DROP TYPE statistics_revisit;
        DROP TYPE statistics_rectification;
        DROP INDEX ix_complaints_open_by_receipt;
        DROP TABLE statistics_items;
        DROP TABLE statistics_rollup;
        DROP TABLE statistics_cases;
        """;
}
