/** okrs.yaml as a person writes it: comments, blank lines, flow collections, quoted strings. */
export const OKRS = `# OKRs for H1, owned by the support team
kind: Objectives
version: 1
cycle: "2026-H1"
owner: team/support

objectives:
  # Cost first: the board asked for it.
  - id: ops-lower-cost
    title: 'Lower the cost to serve'
    description: "Cheaper support without hurting satisfaction."
    key_results:
      - id: ops-cpc   # the headline number
        title: "Cost per contact from 4.90 to 4.20 EUR"
        type: metric
        owner: ada
        kpi: cost-per-contact
        unit: EUR
        start: 4.9
        target: 4.2
        current: 4.55   # updated weekly
        confidence: 0.7

        check_ins:
          - date: 2026-02-10
            value: 4.7
            note: "Chat deflection live"
          # March: steady
          - { date: 2026-03-02, value: 4.55, by: ada }
      - {id: ops-bot, title: "Assistant live on chat", type: milestone, owner: grace, due: "2026-05-31", done: false}

  - id: fl-first-touch
    title: Resolve more at the first touch
    aligns_to: ops-lower-cost
    key_results:
      - id: fl-fcr
        title: 'First-contact resolution from 68 % to 75 %'
        type: metric
        owner: grace
        kpi: fcr
        unit: percent
        start: 68
        target: 75
        current: 71
      - id: fl-aht
        title: AHT from 540 s to 480 s
        type: metric
        unit: seconds
        start: 540
        target: 480
        current: 510
# end of file
`;
