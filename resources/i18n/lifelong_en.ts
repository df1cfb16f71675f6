<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>BulkEditDialog</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/bulk_edit.py" line="33" />
            <source>Change %n selected activities:</source>
            <translation>
                <numerusform>Change %n selected activity:</numerusform>
                <numerusform>Change %n selected activities:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChecksView</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="128" />
            <source>%n errors</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="129" />
            <source>%n warnings</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/reports/checks_view.py" line="130" />
            <source>%n notes</source>
            <translation>
                <numerusform>%n note</numerusform>
                <numerusform>%n notes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CoverageView</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/reports/coverage_view.py" line="158" />
            <source>%n areas without any activity</source>
            <translation>
                <numerusform>%n area without any activity</numerusform>
                <numerusform>%n areas without any activity</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FileActions</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/file_actions.py" line="192" />
            <source>Next year's programme was created with %n activities.</source>
            <translation>
                <numerusform>Next year's programme was created with %n activity.</numerusform>
                <numerusform>Next year's programme was created with %n activities.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="134" />
            <source>The planning checks found %n errors: see the Checks tab.</source>
            <translation>
                <numerusform>The planning checks found %n error: see the Checks tab.</numerusform>
                <numerusform>The planning checks found %n errors: see the Checks tab.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="94" />
            <source>Printed %n pages.</source>
            <translation>
                <numerusform>Printed %n page.</numerusform>
                <numerusform>Printed %n pages.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="160" />
            <source>%n activities written to the calendar %1.</source>
            <translation>
                <numerusform>%n activity written to the calendar %1.</numerusform>
                <numerusform>%n activities written to the calendar %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/print_actions.py" line="119" />
            <source>%n pages written to %1.</source>
            <translation>
                <numerusform>%n page written to %1.</numerusform>
                <numerusform>%n pages written to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="111" />
            <source>The workbook has %n errors: correct them in the file and import it again.</source>
            <translation>
                <numerusform>The workbook has %n error: correct it in the file and import it again.</numerusform>
                <numerusform>The workbook has %n errors: correct them in the file and import it again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/import_preview.py" line="136" />
            <source>&amp;Delete the %n activities missing from the workbook</source>
            <translation>
                <numerusform>&amp;Delete the %n activity missing from the workbook</numerusform>
                <numerusform>&amp;Delete the %n activities missing from the workbook</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PastePreviewDialog</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="95" />
            <source>%n rows will be added as new activities.</source>
            <translation>
                <numerusform>%n row will be added as a new activity.</numerusform>
                <numerusform>%n rows will be added as new activities.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="97" />
            <source>%n rows have problems and will be left out.</source>
            <translation>
                <numerusform>%n row has problems and will be left out.</numerusform>
                <numerusform>%n rows have problems and will be left out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/paste_preview.py" line="119" />
            <source>&amp;Add %n activities</source>
            <translation>
                <numerusform>&amp;Add %n activity</numerusform>
                <numerusform>&amp;Add %n activities</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WeeklySeriesDialog</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/series.py" line="70" />
            <source>%n activities will be added, from %1 to %2.</source>
            <translation>
                <numerusform>%n activity will be added, from %1 to %2.</numerusform>
                <numerusform>%n activities will be added, from %1 to %2.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AttachmentsTab</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="375" />
            <source>Remove %n attachments from this activity? Their files stay in the backups.</source>
            <translation>
                <numerusform>Remove %n attachment from this activity? Its file stays in the backups.</numerusform>
                <numerusform>Remove %n attachments from this activity? Their files stay in the backups.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="192" />
            <source>%n files, %1 in all. Files are kept as soon as they are added.</source>
            <translation>
                <numerusform>%n file, %1 in all. Files are kept as soon as they are added.</numerusform>
                <numerusform>%n files, %1 in all. Files are kept as soon as they are added.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="196" />
            <source>%n missing files were brought back from the backups.</source>
            <translation>
                <numerusform>%n missing file was brought back from the backups.</numerusform>
                <numerusform>%n missing files were brought back from the backups.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="200" />
            <source>%n files are missing from the shared database: add them again.</source>
            <translation>
                <numerusform>%n file is missing from the shared database: add it again.</numerusform>
                <numerusform>%n files are missing from the shared database: add them again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/attachments_tab.py" line="207" />
            <source>%n files are missing from the attachments folder: restore a backup or add them again.</source>
            <translation>
                <numerusform>%n file is missing from the attachments folder: restore a backup or add it again.</numerusform>
                <numerusform>%n files are missing from the attachments folder: restore a backup or add them again.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UndoCommands</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/commands.py" line="63" />
            <source>Duplicate activities (%n)</source>
            <translation>
                <numerusform>Duplicate activity (%n)</numerusform>
                <numerusform>Duplicate activities (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/commands.py" line="122" />
            <source>Delete activities (%n)</source>
            <translation>
                <numerusform>Delete activity (%n)</numerusform>
                <numerusform>Delete activities (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/commands.py" line="142" />
            <source>Bulk edit activities (%n)</source>
            <translation>
                <numerusform>Bulk edit activity (%n)</numerusform>
                <numerusform>Bulk edit activities (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/commands.py" line="173" />
            <source>Paste activities (%n)</source>
            <translation>
                <numerusform>Paste activity (%n)</numerusform>
                <numerusform>Paste activities (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ActivityEditing</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/activities/edits.py" line="191" />
            <source>Deleted %n activities (Ctrl+Z undoes it).</source>
            <translation>
                <numerusform>Deleted %n activity (Ctrl+Z undoes it).</numerusform>
                <numerusform>Deleted %n activities (Ctrl+Z undoes it).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportChecks</name>
        <message numerus="yes">
            <location filename="../../lifelong_desktop/ui/programme/export_checks.py" line="72" />
            <source>The planning checks found %n errors in this programme.</source>
            <translation>
                <numerusform>The planning checks found %n error in this programme.</numerusform>
                <numerusform>The planning checks found %n errors in this programme.</numerusform>
            </translation>
        </message>
    </context>
</TS>
