"""Write the ingestion corpus (tests/data/corpus/): real-export shapes and hostile files.

Run ``python tests/data/make_corpus.py`` to regenerate the files; their expected outcomes are
written by hand in ``tests/data/corpus.json`` (never from the loader's output).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "corpus"
NBSP, NNBSP = "\u00a0", "\u202f"


def write(name: str, data: bytes | str, encoding: str = "utf-8") -> None:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))


def xlsx(name: str, sheets: dict[str, list[list[object]]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    write(name, buf.getvalue())


def main() -> None:
    # --- accepted: separators and encodings ---------------------------------------------------
    write("a01_comma_utf8.csv", "Client,Revenue\nAcme,500\nBeta,300\nGamma,200\n")
    write(
        "a02_fr_semicolon_cp1252.csv",
        "Société;Chiffre d'affaires;Date de facture\r\n"
        "Café Crème;1 234,56 €;15/03/2024\r\n"
        "Étoile du Nord;2 000,00 €;01/02/2024\r\n"
        "Café Crème;765,44 €;31/12/2023\r\n",
        "cp1252",
    )
    write("a03_tab_utf16_bom.txt", "Client\tAmount\nX\t10.5\nY\t20.25\nZ\t69.25\n", "utf-16")
    write("a04_pipe_utf8_bom.csv", "\ufeffCustomer|Sales\nNorth|40\nSouth|60\n")
    write(
        "a05_latin1_semicolon.csv",
        "Nom du client;Montant HT\nGarçon Boucher;1.234,50\nHôtel Brésil;765,50\nGarçon Boucher;1.000,00\n",
        "latin-1",
    )
    write("a06_utf16le_no_bom.csv", "Client,Amount\nÉcole A,100\nÉcole B,300\n".encode("utf-16-le"))
    write(
        "a07_quoted_fields.csv",
        'Client,Amount,Notes\n"Dupont, Fils & Cie","1,234.56","first line\nsecond, line"\n'
        '"Martin ""Le Grand""",765.44,plain\n',
    )
    # --- numbers ------------------------------------------------------------------------------
    write(
        "a08_numbers_english.csv",
        'Customer,Amount\nA,"$1,234.56"\nB,1234.56\nC,(120.00)\nD,\nE,N/A\nB,"$2,000.00"\n',
    )
    write(
        "a09_numbers_french_spaces.csv",
        f"Client;Montant\nA;1{NBSP}234,56 €\nB;1{NNBSP}000,00 €\nC;1 000,00\nD;1.234,56\nA;-120,00\n",
        "utf-8",
    )
    write("a10_credit_notes.csv", "Client,Invoice,Amount\nA,F1,1000\nA,AV1,(200.00)\nB,F2,500\nB,AV2,-100\n")
    # --- dates --------------------------------------------------------------------------------
    write(
        "a11_dates_us.csv",
        "Customer,Date,Amount\nA,03/25/2024,100\nB,12/01/2023,200\nA,01/02/2024 14:30,50\n",
    )
    write(
        "a12_dates_iso_tz.csv",
        "Client,Close date,Amount\nA,2024-03-01T23:30:00+02:00,10\n"
        "B,2024-03-02 08:00:00Z,20\nC,2024-03-03,30\n",
    )
    write("a13_dates_fr_ambiguous.csv", "Client;Date;Montant\nA;01/02/2024;10\nB;03/04/2024;20\n")
    # --- identifiers --------------------------------------------------------------------------
    write("a14_leading_zeros.csv", "Client ID,Amount\n00042,100\n42,50\n 00042 ,25\n0007,5\n")
    # --- CRM exports --------------------------------------------------------------------------
    write(
        "a15_hubspot_deals.csv",
        "Deal Name,Associated Company,Amount,Deal Stage,Close Date,Deal owner,Pipeline\n"
        "Renewal 2024,Acme Corp,12000,closedwon,2024-01-15,Ann,Sales\n"
        "Upsell,Acme Corp,3000,closedlost,2024-02-01,Ann,Sales\n"
        "New logo,Beta Ltd,8000,Closed Won,2024-03-10,Bob,Sales\n"
        "Pilot,Gamma Inc,5000,appointmentscheduled,2024-06-30,Bob,Sales\n"
        "Trial,Delta SA,2500,closedlost,2024-04-02,Ann,Sales\n",
    )
    write(
        "a16_pipedrive_deals.csv",
        '"Deal - Title","Deal - Organization","Deal - Value","Deal - Currency","Deal - Status",'
        '"Deal - Stage","Deal - Won time","Deal - Owner"\n'
        '"Deal 1","Orion SARL","4 500","EUR","won","Negotiation","2024-05-02 10:12:00","Claire"\n'
        '"Deal 2","Orion SARL","1 500","EUR","won","Negotiation","2024-07-12 09:00:00","Claire"\n'
        '"Deal 3","Vega SAS","9 000","EUR","lost","Proposal","","Karim"\n'
        '"Deal 4","Lyra SA","4 000","EUR","won","Closed","2024-09-30 16:45:00","Karim"\n'
        '"Deal 5","Lyra SA","2 000","EUR","open","Proposal","","Karim"\n',
    )
    write(
        "a17_salesforce_opportunities.csv",
        "Account Name,Opportunity Name,Amount,Stage,Close Date,Opportunity Owner,Type\n"
        "Globex,Globex - Q1,25000.00,Closed Won,3/31/2024,Jane Roe,New Business\n"
        "Initech,Initech - Renewal,15000.00,Closed Won,4/15/2024,Jane Roe,Existing Business\n"
        "Initech,Initech - Upsell,5000.00,Closed Lost,5/20/2024,John Doe,Existing Business\n"
        "Umbrella,Umbrella - New,40000.00,Prospecting,6/30/2024,John Doe,New Business\n",
    )
    write(
        "a18_clients_status_fr.csv",
        "Raison sociale;Statut;Secteur;CA\n"
        "Alpha;Client actif;Industrie;600\n"
        "Bravo;Actif;Services;400\n"
        "Charlie;Prospect;Industrie;\n"
        "Delta;Ancien client;Commerce;300\n"
        "Echo;Partenaire;Services;100\n",
    )
    # --- several files ------------------------------------------------------------------------
    write(
        "set_fr/clients.csv",
        "Code client;Raison sociale;Secteur;Statut;Effectif\n"
        "C001;Atelier Dubois;Industrie;Actif;12\n"
        "C002;Boulangerie Roux;Commerce;Actif;4\n"
        "C003;Cabinet Lefèvre;Services;Prospect;30\n"
        "C004;Distri Sud;Commerce;Partenaire;250\n",
        "cp1252",
    )
    write(
        "set_fr/factures.csv",
        "Code client;N° facture;Date;Montant HT\n"
        "C001;F-001;05/01/2024;1 500,00\n"
        "C001;F-002;20/02/2024;2 500,00\n"
        "C002;F-003;13/03/2024;750,50\n"
        "C004;F-004;01/04/2024;99,50\n"
        "C005;F-005;02/04/2024;250,00\n",
        "cp1252",
    )
    write(
        "set_fr/activites.csv",
        "Code client;Date;Type;Durée (min)\n"
        "C001;06/01/2024;Appel;30\n"
        "C002;07/01/2024;Rendez-vous;90\n"
        "C003;08/01/2024;Visite;180\n",
        "cp1252",
    )
    write(
        "set_crm/companies.csv",
        "Record ID,Company name,Industry,Lifecycle Stage,Number of Employees\n"
        "101,Acme Corp,Software,customer,120\n"
        "102,Beta Ltd,Retail,customer,8\n"
        "103,Gamma Inc,Software,lead,40\n",
    )
    write(
        "set_crm/deals.csv",
        "Deal Name,Associated Company,Amount,Deal Stage,Close Date\n"
        "D1,Acme Corp,9000,closedwon,2024-01-10\n"
        "D2,Beta Ltd,1000,closedwon,2024-02-10\n"
        "D3,Gamma Inc,7000,closedlost,2024-03-10\n",
    )
    write(
        "set_crm/calls.csv",
        "Associated Company,Activity date,Activity type,Duration\n"
        "Acme Corp,2024-01-05,Call,0:30\n"
        "Beta Ltd,2024-01-06,Meeting,1h30\n",
    )
    # --- Excel --------------------------------------------------------------------------------
    xlsx(
        "a19_excel_single.xlsx",
        {"Clients": [["Client ID", "Name", "Revenue"], ["00042", "Acme", 1200.5], ["00043", "Beta", 799.5]]},
    )
    xlsx(
        "a20_excel_multi_sheet.xlsx",
        {
            "Notes": [],
            "Ventes": [["Client", "Montant", "Date"], ["A", 100, "2024-01-01"], ["B", 300, "2024-02-01"]],
            "Objectifs": [["Commercial", "Objectif"], ["Claire", 5000]],
        },
    )
    # --- messy layouts ------------------------------------------------------------------------
    write(
        "a21_title_lines.csv",
        "Export des ventes\n\nClient;Montant\nA;10,00\nB;30,00\n",
    )
    write("a22_trailing_separator.csv", "Client;Montant\nA;10,5;\nB;20,5;\n")
    write(
        "a23_bad_rows_reported.csv",
        "Client,Amount\nA,100\n,50\nB,abc\nC,NaN\nD,inf\nE,1e308\nB,200\nF,\n",
    )
    write("a24_ca_by_year.csv", "Code client;Nom;CA 2023;CA 2024\nK1;Kilo;900;100\nK2;Lima;100;300\n")
    write(
        "a25_invoice_status_fr.csv",
        "Client;Date;Total HT;Statut\nA;01/03/2024;100,00;Payée\nA;02/03/2024;50,00;Annulée\n"
        "B;03/03/2024;70,00;En retard\nC;04/03/2024;40,00;Brouillon\n",
    )
    # --- optional columns missing (issue #13): every page must work on each of these -------------
    write(
        "a26_amount_stage_no_date.csv",
        "Client,Amount,Stage\nA,1000,Won\nA,500,Lost\nB,300,won\nC,200,Open\nD,100,Won\n",
    )
    # twelve months of dated sales: too short for a migration between two 12-month periods
    monthly = "".join(f"X,2024-{m:02d}-15,100\n" for m in range(1, 13))
    write(
        "a27_twelve_months.csv",
        "Client,Date,Amount\n" + monthly + "Y,2024-01-15,50\nY,2024-04-15,50\nY,2024-07-15,50\n"
        "Y,2024-10-15,50\nZ,2024-12-15,100\n",
    )
    write("a28_amount_margin_no_date.csv", "Client,Amount,Margin\nA,600,100\nB,300,150\nC,100,-20\n")
    write(
        "a29_segment_header.csv",
        "Client,Segment,Amount\nAcme,Corporate,500\nBeta,SMB,300\nGamma,Corporate,150\nDelta,SMB,50\n",
    )
    write(
        "set_nolog/clients.csv",
        "Company,Region,Account manager\nAlpha,North,Ann\nBravo,South,Bob\nCharlie,North,Ann\n",
    )
    write(
        "set_nolog/deals.csv",
        "Company,Amount,Stage\nAlpha,700,Won\nBravo,200,Won\nBravo,100,Lost\nCharlie,400,Open\n",
    )
    write("set_log_undated/invoices.csv", "Client,Amount,Margin\nA,800,200\nB,150,60\nC,50,5\n")
    write(
        "set_log_undated/activities.csv",
        "Client,Date,Type,Hours\nA,2024-01-10,Call,1\nC,2024-02-01,Visit,4\n",
    )
    # --- refused ------------------------------------------------------------------------------
    write("r01_empty.csv", b"")
    write("r02_header_only.csv", "Client,Revenue\n")
    write("r03_binary_random.csv", random.Random(3).randbytes(4096))
    write("r04_png_renamed.csv", b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(512))
    write("r05_no_amount_column.csv", "Client,City\nA,Paris\nB,Lyon\n")
    write("r06_amount_all_text.csv", "Client,Amount\nA,abc\nB,n/a\nC,\n")
    write("r07_no_positive_total.csv", "Client,Amount\nA,0\nB,-50\nC,(20.00)\n")
    write("r08_broken_quoting.csv", 'Client,Amount\nA,100\n"B,200\nC,300\n')
    write(
        "r09_ragged_rows.csv", "Client,Amount,Date\nA,100,2024-01-01\nB,1,200,2024-01-02\nC,300,2024-01-03\n"
    )
    write("r10_duplicate_columns.csv", "Client,Amount,Amount\nA,1,2\nB,3,4\n")
    write("r11_absurd_values_only.csv", "Client,Amount\nA,NaN\nB,inf\nC,1e308\n")
    write("r12_blank_client_ids.csv", "Client,Amount\n,100\n  ,200\n")
    write("r13_all_deals_lost.csv", "Company,Amount,Stage\nA,100,Closed Lost\nB,200,Open\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    write("r14_zip_not_excel.xlsx", buf.getvalue())
    write("r15_only_one_column.csv", "Revenue\n100\n200\n")


if __name__ == "__main__":
    main()
