import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dayToEpochDays,
  daysInMonth,
  epochDaysToDay,
  isDay,
  isMonth,
  lastDayOfMonth,
  monthFromIndex,
  monthIndex,
  monthOfDay,
  monthsBetween,
} from "../../src/time/period.js";

describe("calendar periods", () => {
  it("tells months and real days from look-alikes", () => {
    expect(isMonth("2026-12")).toBe(true);
    for (const bad of ["2026-13", "2026-00", "2026-1", "26-12", "2026-12-01"]) expect(isMonth(bad), bad).toBe(false);
    expect(isDay("2024-02-29")).toBe(true); // leap year
    for (const bad of ["2026-02-29", "2026-02-30", "2026-04-31", "2026-1-01", "2026-12"])
      expect(isDay(bad), bad).toBe(false);
  });

  it("counts months as integers from year 0", () => {
    expect(monthIndex("2026-01")).toBe(2026 * 12);
    expect(monthFromIndex(2026 * 12 + 11)).toBe("2026-12");
    expect(addMonths("2026-11", 3)).toBe("2027-02");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(monthsBetween("2025-11", "2027-02")).toBe(15);
    expect(monthsBetween("2027-02", "2025-11")).toBe(-15);
    expect(() => monthIndex("2026-13")).toThrow("not a month: 2026-13");
  });

  it("knows the length of each month", () => {
    expect(daysInMonth("2024-02")).toBe(29);
    expect(daysInMonth("2026-02")).toBe(28);
    expect(daysInMonth("1900-02")).toBe(28); // divisible by 100, not by 400
    expect(daysInMonth("2000-02")).toBe(29);
    expect(daysInMonth("2026-04")).toBe(30);
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
    expect(monthOfDay("2026-02-16")).toBe("2026-02");
  });

  it("does day arithmetic in UTC days since 1970-01-01", () => {
    expect(dayToEpochDays("1970-01-01")).toBe(0);
    expect(dayToEpochDays("2026-12-04")).toBe(20_791);
    expect(epochDaysToDay(20_791)).toBe("2026-12-04");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
