"""Yearly government information disclosure reports (政府信息公开工作年度报告).

- ``format``: the official format as data (国办公开办函〔2021〕30号, 〔2019〕60号);
- ``checker``: `gongkai report check FILE`, pure Python;
- ``section2`` and ``providers``: the section 二 tables and the figures other apps supply
  (proactive, participation) through a registry discovered at generation time;
- ``generate``: the tables computed from the platform's own data (SQL GROUP BY);
- ``models``/``services``/``selectors``: the YearlyReport, its drafting and publishing;
- ``render``: HTML context, .docx and PDF in the official table layout;
- ``selectors.dashboard``: the statistics dashboard and the monthly/quarterly 台账.
"""
